#!/usr/bin/env bash
# Side by side, in one run: `disclosure audit` over a batch of report PDFs against poppler's `pdftotext -layout`
# over the same files (the cost of merely dumping their text). Prints, for the tool reading in its worker processes
# (the default) and reading in its own process (--in-process), the median wall time and CPU time (user + system, all
# processes) against pdftotext's, both ratios, and peak memory. On a machine with cores to spare the wall ratio hides
# CPU spent: the CPU ratio is what a busy machine pays.
#
#   benchmarks/pdf-batch.sh [COUNT] [ROUNDS]        (defaults: 50 files, 5 rounds)
#
# The batch is the shared corpus's PDFs and testdata/pdf's, repeated to COUNT files. The tool measured is the native
# build users install (`dotnet publish -r RID`, made here unless DISCLOSURE names a binary); set DISCLOSURE to
# "dotnet path/to/disclosure.dll" to measure the framework-dependent one instead.
# Needs: the .NET SDK, poppler-utils (pdftotext) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-50}
rounds=${2:-5}
command -v pdftotext >/dev/null || { echo "needs pdftotext (apt-get install poppler-utils)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sources=(../shared/corpus/*.pdf testdata/pdf/*.pdf)
for ((i = 0; i < count; i++)); do
  src=${sources[i % ${#sources[@]}]}
  cp "$src" "$work/$(printf %03d "$i")_$(basename "$src")"
done

if [ -z "${DISCLOSURE:-}" ]; then
  rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
  echo "publishing the native tool for $rid (a few minutes the first time)..." >&2
  dotnet publish src/Disclosure.Cli -c Release -r "$rid" -o "$work/tool" -v quiet -nologo >&2
  DISCLOSURE="$work/tool/disclosure"
fi
read -r -a tool <<<"$DISCLOSURE"

files=("$work"/*.pdf)
cat >"$work/poppler.sh" <<'SH'
for f in "$@"; do pdftotext -layout "$f" /dev/null; done
SH

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
# One line per run: wall, user, system, peak KB. GNU time counts the worker processes (waited-for children) too.
measure() {
  local into=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" 2>>"$work/stderr" || true
  grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$work/t" >>"$into"  # not time's "exited with non-zero status" line
}
: >"$work/workers" && : >"$work/in-process" && : >"$work/theirs"
for ((r = 0; r < rounds; r++)); do
  # Alternate the three so that a busy moment on the machine does not fall on one side only.
  measure "$work/workers" "${tool[@]}" audit --format jsonl -o "$work/out.jsonl" "${files[@]}"
  measure "$work/in-process" "${tool[@]}" audit --format jsonl --in-process -o "$work/out-in-process.jsonl" "${files[@]}"
  measure "$work/theirs" bash "$work/poppler.sh" "${files[@]}"
done

for out in "$work/out.jsonl" "$work/out-in-process.jsonl"; do
  lines=$(wc -l <"$out")
  [ "$lines" -eq "$count" ] || { tail -n 5 "$work/stderr" >&2; echo "expected $count result lines, got $lines" >&2; exit 1; }
done
wall() { cut -d' ' -f1 "$1" | median; }
cpu() { awk '{printf "%.2f\n", $2 + $3}' "$1" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
theirs_wall=$(wall "$work/theirs")
theirs_cpu=$(cpu "$work/theirs")
echo "$count PDFs, $(nproc) cores, median of $rounds: pdftotext -layout ${theirs_wall} s wall, ${theirs_cpu} s CPU"
for mode in workers in-process; do
  ours_wall=$(wall "$work/$mode")
  ours_cpu=$(cpu "$work/$mode")
  peak=$(cut -d' ' -f4 "$work/$mode" | sort -n | tail -n 1)
  printf '  disclosure audit (%s): %s s wall, %s s CPU; wall ratio %s, CPU ratio %s; peak memory %s MB\n' \
    "$mode" "$ours_wall" "$ours_cpu" "$(ratio "$ours_wall" "$theirs_wall")" "$(ratio "$ours_cpu" "$theirs_cpu")" "$((peak / 1024))"
done
