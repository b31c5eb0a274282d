#!/usr/bin/env bash
# The product's main use: auditing a crawl of government sites, most of it not reports.
#
#   benchmarks/crawl.sh [SIZE...]          (default: 10000 50000)
#
# (a) For each SIZE, a crawl of SIZE HTML pages (about one in twenty an annual report) written by the test project's
#     crawl generator (CrawlTests.WriteCrawl, deterministic), and `disclosure audit --format jsonl` over its folder:
#     files per second, CPU time, peak memory (which should stay flat as the crawl grows), and how the pages came out.
# (b) Over the first crawl's report pages only, side by side: the CPU time of `disclosure audit` against Python lxml's
#     bare `lxml.html.parse` of the same files in one process (the cost of merely parsing them); median of ROUNDS.
# (c) The first crawl's ordinary pages: CPU time per page of the glance that turns them away before reading, against
#     reading the bytes, decoding and a full read (benchmarks/Disclosure.Parsing.Benchmarks glance-cost).
#
# The tool measured is the native build users install (`dotnet publish -r RID`, made here unless DISCLOSURE names a
# binary; DISCLOSURE="dotnet path/to/disclosure.dll" measures the framework-dependent one). Pages are written to a
# temporary folder and removed after (50,000 pages take about 1.2 GB).
# Needs: the .NET SDK, GNU time (/usr/bin/time), a python3 with lxml (PYTHON, default /usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 50000)
rounds=${ROUNDS:-3}
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
python=${PYTHON:-/usr/bin/python3}
"$python" -c 'import lxml.html' 2>/dev/null || { echo "needs $python with lxml (apt-get install python3-lxml)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "building the test project (the crawl generator) and the benchmarks..." >&2
dotnet build tests/Disclosure.Parsing.Tests -c Release -v quiet -nologo >&2
dotnet build benchmarks/Disclosure.Parsing.Benchmarks -c Release -v quiet -nologo >&2
if [ -z "${DISCLOSURE:-}" ]; then
  rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
  echo "publishing the native tool for $rid (a few minutes the first time)..." >&2
  dotnet publish src/Disclosure.Cli -c Release -r "$rid" -o "$work/tool" -v quiet -nologo >&2
  DISCLOSURE="$work/tool/disclosure"
fi
read -r -a tool <<<"$DISCLOSURE"

write_crawl() { # SIZE DIR
  DISCLOSURE_CRAWL_DIR="$2" DISCLOSURE_CRAWL_PAGES="$1" DISCLOSURE_CRAWL_SEED=1 DISCLOSURE_CRAWL_HTML_ONLY=1 \
    dotnet test tests/Disclosure.Parsing.Tests -c Release --no-build -v quiet -nologo \
    --filter "FullyQualifiedName~CrawlTests.WriteCrawl" >&2
  local written
  written=$(find "$2" -name '*.html' | wc -l)
  [ "$written" -eq "$1" ] || { echo "expected $1 pages, the generator wrote $written" >&2; exit 1; }
}

# How the pages came out: every *-report.html a report, every other page not one.
outcome() { # JSONL
  "$python" - "$1" <<'PY'
import json, sys
reports = ok = missed = false_reports = other = 0
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    is_report = r["file"].endswith("-report.html")
    kind = r.get("errorKind")
    reports += is_report
    if is_report and kind is None: ok += 1
    elif is_report: missed += 1
    elif kind == "not-a-report": ok += 1
    elif kind is None: false_reports += 1
    else: other += 1
print(f"{reports} reports; right {ok}, reports missed {missed}, ordinary pages taken for reports {false_reports}, other errors {other}")
PY
}

# Peak memory of a command's whole process tree (the tool reads files in worker processes it starts), sampled from
# /proc every 50 ms into $work/tree; GNU time's %M is the largest single process of the tree.
tree_rss() { # PID
  local peak=0 all rss
  while kill -0 "$1" 2>/dev/null; do
    all=$(ps -e -o pid=,ppid= | awk -v root="$1" '{parent[$1] = $2} END {for (p in parent) {q = p; while (q != "" && q != 0 && q != root) q = parent[q]; if (q == root) print p}}')
    # A process may end between the listing and the reading: its file is gone, and it counts nothing.
    rss=$(for p in $all; do awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || true; done | awk '{s += $1} END {print s + 0}')
    if [ "$rss" -gt "$peak" ]; then peak=$rss; fi
    sleep 0.05
  done
  echo "$peak" >"$work/tree"
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "== (a) disclosure audit over a crawl ($(nproc) cores)"
first=""
for n in "${sizes[@]}"; do
  dir="$work/crawl-$n"
  write_crawl "$n" "$dir"
  [ -n "$first" ] || first="$dir"
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "${tool[@]}" audit --format jsonl "$dir" >"$work/out.jsonl" 2>"$work/err" &
  timed=$!
  tree_rss "$timed" &
  sampler=$!
  wait "$timed" || true
  wait "$sampler"
  read -r wall user sys peak < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$work/t")
  lines=$(wc -l <"$work/out.jsonl")
  [ "$lines" -eq "$n" ] || { echo "expected $n result lines, got $lines" >&2; exit 1; }
  echo "$n pages ($(du -sm "$dir" | cut -f1) MB): ${wall} s wall, $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.1f", u + s}') s CPU," \
    "$(awk -v n="$n" -v w="$wall" 'BEGIN {printf "%.0f", n / w}') files/s, peak memory $((peak / 1024)) MB (largest process;" \
    "$(($(cat "$work/tree") / 1024)) MB the whole tree); $(outcome "$work/out.jsonl")"
  [ "$dir" = "$first" ] || rm -rf "$dir"
done

echo "== (b) the report pages of the first crawl: disclosure audit against lxml.html.parse, CPU time"
mapfile -t reports < <(find "$first" -name '*-report.html' | sort)
cat >"$work/parse_with_lxml.py" <<'PY'
import sys, lxml.html
for f in sys.argv[1:]:
    lxml.html.parse(f)
PY
: >"$work/ours" && : >"$work/inprocess" && : >"$work/theirs"
for ((r = 0; r < rounds; r++)); do
  # Alternate them so that a busy moment on the machine does not fall on one side only.
  /usr/bin/time -f "%U %S" -o "$work/t" "${tool[@]}" audit --format jsonl "${reports[@]}" >"$work/reports.jsonl" 2>/dev/null || true
  grep -E '^[0-9.]+ [0-9.]+$' "$work/t" | awk '{print $1 + $2}' >>"$work/ours"
  /usr/bin/time -f "%U %S" -o "$work/t" "${tool[@]}" audit --in-process --format jsonl "${reports[@]}" >/dev/null 2>&1 || true
  grep -E '^[0-9.]+ [0-9.]+$' "$work/t" | awk '{print $1 + $2}' >>"$work/inprocess"
  /usr/bin/time -f "%U %S" -o "$work/t" "$python" "$work/parse_with_lxml.py" "${reports[@]}"
  grep -E '^[0-9.]+ [0-9.]+$' "$work/t" | awk '{print $1 + $2}' >>"$work/theirs"
done
ours=$(median <"$work/ours")
inprocess=$(median <"$work/inprocess")
theirs=$(median <"$work/theirs")
echo "${#reports[@]} report pages, median of $rounds: disclosure audit ${ours} s CPU (--in-process ${inprocess} s)," \
  "lxml.html.parse ${theirs} s CPU, ratio $(awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "%.2f", a / b}')" \
  "($(awk -v a="$inprocess" -v b="$theirs" 'BEGIN {printf "%.2f", a / b}') in process); $(outcome "$work/reports.jsonl")"

echo "== (c) what an ordinary page of the first crawl costs, CPU time per page"
dotnet benchmarks/Disclosure.Parsing.Benchmarks/bin/Release/net10.0/Disclosure.Parsing.Benchmarks.dll glance-cost "$first" "$rounds"
