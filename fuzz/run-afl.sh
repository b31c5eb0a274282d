#!/usr/bin/env bash
# Coverage-guided fuzzing of the whole pipeline with AFL++ and SharpFuzz, on top of the deterministic mutation tests.
# Not part of the build or of CI. Usage: fuzz/run-afl.sh [minutes] (default 60); findings land in fuzz/findings/
# (crashes/ and hangs/ hold the inputs; run one with `dotnet src/Disclosure.Cli/bin/Release/net10.0/disclosure.dll audit FILE`).
# Needs (Debian): afl++, and the SharpFuzz.CommandLine dotnet tool; both are installed here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-60}
command -v afl-fuzz >/dev/null 2>&1 || { apt-get update && apt-get install -y afl++; }
export PATH="$PATH:$HOME/.dotnet/tools"
command -v sharpfuzz >/dev/null 2>&1 || dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0

out=fuzz/Disclosure.Parsing.Fuzz/bin/Release/net10.0
# Rebuilt each time: instrumenting rewrites the assemblies in place.
dotnet build fuzz/Disclosure.Parsing.Fuzz -c Release -v quiet -nologo --no-incremental
# Coverage is recorded in the assemblies that read files: ours and the parsers'.
for dll in Disclosure.Parsing.dll UglyToad.PdfPig.dll UglyToad.PdfPig.Core.dll UglyToad.PdfPig.Fonts.dll UglyToad.PdfPig.Tokenization.dll \
           DocumentFormat.OpenXml.dll DocumentFormat.OpenXml.Framework.dll AngleSharp.dll; do
  sharpfuzz "$out/$dll" >/dev/null
done

# Seeds: every fixture, each format (AFL wants them small; the largest is under 100 KB).
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
find testdata -type f ! -name '*.expected.json' -exec cp {} "$seeds" \;
mkdir -p fuzz/findings
AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
  timeout "$((minutes * 60))" afl-fuzz -i "$seeds" -o fuzz/findings -t 10000 -m none -- dotnet "$out/Disclosure.Parsing.Fuzz.dll" || true
echo "findings: $(find fuzz/findings -path '*crashes/id*' | wc -l) crashes, $(find fuzz/findings -path '*hangs/id*' | wc -l) hangs (fuzz/findings)"
