#!/usr/bin/env bash
# Side by side, in one run: `disclosure audit` over a batch of report PDFs against poppler's `pdftotext -layout`
# over the same files (the cost of merely dumping their text). Prints median wall times, the ratio and peak memory.
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
: >"$work/ours" && : >"$work/theirs"
for ((r = 0; r < rounds; r++)); do
  # Alternate the two so that a busy moment on the machine does not fall on one side only.
  /usr/bin/time -f "%e %M" -o "$work/t" "${tool[@]}" audit --format jsonl "${files[@]}" >"$work/out.jsonl" || true
  grep -E '^[0-9.]+ [0-9]+$' "$work/t" >>"$work/ours"  # not time's "exited with non-zero status" line
  /usr/bin/time -f "%e %M" -o "$work/t" bash "$work/poppler.sh" "${files[@]}"
  grep -E '^[0-9.]+ [0-9]+$' "$work/t" >>"$work/theirs"
done

lines=$(wc -l <"$work/out.jsonl")
[ "$lines" -eq "$count" ] || { echo "expected $count result lines, got $lines" >&2; exit 1; }
ours=$(cut -d' ' -f1 "$work/ours" | median)
theirs=$(cut -d' ' -f1 "$work/theirs" | median)
peak=$(cut -d' ' -f2 "$work/ours" | sort -n | tail -n 1)
echo "$count PDFs, $(nproc) cores, median of $rounds: disclosure audit ${ours} s, pdftotext -layout ${theirs} s," \
  "ratio $(awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "%.2f", a / b}'), peak memory $((peak / 1024)) MB"
