#!/usr/bin/env bash
# Side by side, in one run: `disclosure audit` over a batch of report HTML pages against Python lxml's bare
# `lxml.html.parse` of the same files in one process (the cost of merely parsing them). Prints median CPU time
# (user + system) and wall time of each, the CPU ratio, and the tool's peak memory.
#
#   benchmarks/html-batch.sh [COUNT] [ROUNDS]        (defaults: 200 files, 7 rounds)
#
# The batch is the shared corpus's HTML pages and testdata/html's, repeated to COUNT files. The tool measured is the
# native build users install (`dotnet publish -r RID`, made here unless DISCLOSURE names a binary); set DISCLOSURE to
# "dotnet path/to/disclosure.dll" to measure the framework-dependent one instead.
# Needs: the .NET SDK, python3 with lxml, and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-200}
rounds=${2:-7}
python=${PYTHON:-python3}
"$python" -c 'import lxml.html' 2>/dev/null || { echo "needs python3 with lxml (apt-get install python3-lxml)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sources=(../shared/corpus/*.html testdata/html/*.html)
for ((i = 0; i < count; i++)); do
  src=${sources[i % ${#sources[@]}]}
  cp "$src" "$work/$(printf %04d "$i")_$(basename "$src")"
done

if [ -z "${DISCLOSURE:-}" ]; then
  rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
  echo "publishing the native tool for $rid (a few minutes the first time)..." >&2
  dotnet publish src/Disclosure.Cli -c Release -r "$rid" -o "$work/tool" -v quiet -nologo >&2
  DISCLOSURE="$work/tool/disclosure"
fi
read -r -a tool <<<"$DISCLOSURE"

files=("$work"/*.html)
cat >"$work/parse_with_lxml.py" <<'PY'
import sys
import lxml.html
for f in sys.argv[1:]:
    lxml.html.parse(f)
PY

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
: >"$work/ours" && : >"$work/theirs"
for ((r = 0; r < rounds; r++)); do
  # Alternate the two so that a busy moment on the machine does not fall on one side only.
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "${tool[@]}" audit --format jsonl "${files[@]}" >"$work/out.jsonl" || true
  grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$work/t" >>"$work/ours"  # not time's "exited with non-zero status" line
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$python" "$work/parse_with_lxml.py" "${files[@]}"
  grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$work/t" >>"$work/theirs"
done

lines=$(wc -l <"$work/out.jsonl")
[ "$lines" -eq "$count" ] || { echo "expected $count result lines, got $lines" >&2; exit 1; }
cpu() { awk '{printf "%.3f\n", $2 + $3}' "$1" | median; }
wall() { cut -d' ' -f1 "$1" | median; }
ours=$(cpu "$work/ours")
theirs=$(cpu "$work/theirs")
peak=$(cut -d' ' -f4 "$work/ours" | sort -n | tail -n 1)
echo "$count HTML pages, $(nproc) cores, median of $rounds: disclosure audit ${ours} s CPU ($(wall "$work/ours") s wall)," \
  "lxml.html.parse ${theirs} s CPU ($(wall "$work/theirs") s wall), CPU ratio $(awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "%.2f", a / b}')," \
  "peak memory $((peak / 1024)) MB"
