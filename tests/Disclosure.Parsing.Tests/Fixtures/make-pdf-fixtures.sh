#!/usr/bin/env bash
# Regenerates the PDF fixtures under testdata/pdf: the fixture generator writes each PDF case's Word source and
# expected file, LibreOffice prints the sources to PDF, qpdf makes the encrypted one. Needs (Debian):
#   apt-get install libreoffice-writer-nogui fonts-noto-cjk qpdf
# Fixture generation only: the library and its tests never need these tools.
set -euo pipefail
cd "$(dirname "$0")/../../.."
sources=$(mktemp -d)
trap 'rm -rf "$sources"' EXIT
DISCLOSURE_REGENERATE_FIXTURES=1 DISCLOSURE_PDF_SOURCES="$sources" \
  dotnet test tests/Disclosure.Parsing.Tests --filter "FullyQualifiedName~FixtureGenerator" >/dev/null || true
# The run above fails while a PDF is missing; what matters is that it wrote the sources.
[ -n "$(find "$sources" -name '*.docx' -print -quit)" ] || { echo "the fixture generator wrote no Word source" >&2; exit 1; }
(cd "$sources" && find . -name '*.docx' -print) | while read -r docx; do
  out="testdata/$(dirname "$docx")"
  mkdir -p "$out"
  soffice --headless --convert-to pdf --outdir "$out" "$sources/$docx" >/dev/null
done
mkdir -p testdata/pdf/errors
qpdf --encrypt secret owner-secret 256 -- testdata/pdf/ruled_two_pages.pdf testdata/pdf/errors/encrypted.pdf
echo "PDF fixtures written under testdata/pdf"
