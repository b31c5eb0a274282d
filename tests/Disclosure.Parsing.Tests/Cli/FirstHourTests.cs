using Disclosure.Cli.Formatting;
using System.Text.Json.Nodes;
using Disclosure.Cli;
using Disclosure.Parsing.Output;
using Disclosure.Parsing.Rules;

namespace Disclosure.Parsing.Tests.Cli;

/// <summary>What a newcomer meets in the command's first hour (issue 12): usage errors, help, messages, locations, standard input.</summary>
[TestFixture]
public sealed class FirstHourTests
{
    private string _dir = null!;

    private static string Sample(string name) => Path.Combine(TestPaths.TestData, name);

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "disclosure-first-hour-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static (int Status, string Out, string Err) Run(params string[] args) => RunWithInput(null, args);

    private static (int Status, string Out, string Err) RunWithInput(byte[]? input, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var status = DisclosureCommand.Run(args, stdout, stderr, stdin: input is null ? null : () => new MemoryStream(input));
        return (status, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    // 4. A misspelt option is a usage error naming the closest option, not a file that was not found.
    [TestCase("audit", "--frmat", "--format")]
    [TestCase("audit", "--finding", "--findings")]
    [TestCase("audit", "--jbos", "--jobs")]
    [TestCase("audit", "--cross-yaer", "--cross-year")]
    [TestCase("cross-year", "--outptu", "--output")]
    public void AMisspeltOptionIsAUsageErrorWithTheClosestOne(string command, string typo, string meant)
    {
        var (status, output, err) = Run(command, typo, "jsonl", Sample("html/plain.html"));

        status.Should().Be(DisclosureCommand.Unreadable);
        output.Should().BeEmpty("nothing is read when the usage is wrong");
        Lines(err)[0].Should().Be($"unknown option '{typo}' for 'disclosure {command}'; did you mean '{meant}'?");
        err.Should().NotContain("file not found");
    }

    [Test]
    public void AMisspeltCommandNamesTheClosestOne()
    {
        var (status, _, err) = Run("adit", Sample("html/plain.html"));

        status.Should().Be(DisclosureCommand.Unreadable);
        Lines(err)[0].Should().Be("unknown command 'adit'; did you mean 'audit'?");
    }

    [Test]
    public void AFileWhoseNameStartsWithADashIsReadWhenItExistsOrAfterDoubleDash()
    {
        var dashed = Path.Combine(_dir, "-report.html");
        File.Copy(Sample("html/plain.html"), dashed);
        var here = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = _dir;
            Run("audit", "--format", "jsonl", "-report.html").Status.Should().Be(DisclosureCommand.Clean);
            Run("audit", "--format", "jsonl", "--", "-missing.html").Err.Should().Contain("-missing.html").And.NotContain("unknown option");
        }
        finally
        {
            Environment.CurrentDirectory = here;
        }
    }

    // 12. Help: bare 'disclosure' prints it; it gives the exit codes; placeholders say what goes there; no jargon.
    [Test]
    public void BareDisclosurePrintsTheHelp()
    {
        var (status, output, err) = Run();

        status.Should().Be(DisclosureCommand.Clean);
        err.Should().BeEmpty();
        output.Should().Contain("Usage:").And.Contain("audit").And.Contain("extract").And.Be(Run("--help").Out);
    }

    [TestCase]
    [TestCase("audit")]
    [TestCase("extract")]
    public void HelpGivesTheExitCodes(params string[] command)
    {
        var output = Run([.. command, "--help"]).Out;

        output.Should().Contain(DisclosureCommand.ExitStatusHelp);
        File.ReadAllText(Path.Combine(TestPaths.Root, "README.md")).Should().Contain("130 interrupted");
    }

    [Test]
    public void HelpPlaceholdersSayWhatGoesThere()
    {
        var audit = Run("audit", "--help").Out;

        audit.Should().NotContainAny("<rule>", "<rules>", "<output>", "<disable>", "<shard>", "<timeout>", "<jobs>", "the contract");
        audit.Should().Contain("--rule <ID=SEVERITY>").And.Contain("--rules <FILE>").And.Contain("--output <FILE>");
        Run("cross-year", "--help").Out.Should().NotContainAny("<output>", "<rule>", "<rules>", "the contract");
    }

    [Test]
    public void ExtractHelpNamesEveryFormatItReads() =>
        Run("extract", "--help").Out.Should().Contain(".html").And.Contain(".txt").And.Contain(".docx").And.Contain(".pdf").And.Contain("standard input");

    [Test]
    public void EveryExampleInTheHelpIsValidUsage()
    {
        var help = Run("--help").Out.Split('\n');
        var examples = help.SkipWhile(static l => l.Trim() != "Examples:").Skip(1).TakeWhile(static l => l.Trim().Length > 0)
            .Select(static l => l[(l.IndexOf("disclosure ", StringComparison.Ordinal) + "disclosure ".Length)..].Split('#', '>')[0])
            .Select(static l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();

        examples.Should().HaveCountGreaterThan(4);
        foreach (var args in examples)
        {
            // Parsed, not run: its files are the reader's own. With --help the command stops once the usage is known good.
            var (status, _, err) = Run([.. args, "--help"]);
            status.Should().Be(DisclosureCommand.Clean, $"'disclosure {string.Join(' ', args)}' is an example in the help: {err}");
        }
    }

    // 13. 'disclosure rules' in aligned columns, whatever the longest category.
    [Test]
    public void RulesAreListedInAlignedColumns()
    {
        var lines = Lines(Run("rules").Out);

        lines.Should().HaveCount(RuleCatalog.Descriptors.Count + 1, "a heading, then one line per rule");
        foreach (var r in RuleCatalog.Descriptors)
        {
            var line = lines.Single(l => l.StartsWith(r.Id + " ", StringComparison.Ordinal));
            line.IndexOf(r.Title, StringComparison.Ordinal).Should().Be(lines[0].IndexOf("TITLE", StringComparison.Ordinal), $"{r.Id}'s title starts in the title column");
            line.IndexOf(" " + r.Category + " ", StringComparison.Ordinal).Should().Be(lines[0].IndexOf(" CATEGORY", StringComparison.Ordinal), $"{r.Id}'s category starts in its column");
        }
    }

    // 14. extract on a directory, layout on a missing file: one plain line.
    [Test]
    public void ExtractOnADirectorySaysToAuditIt()
    {
        var (status, output, err) = Run("extract", _dir);

        status.Should().Be(DisclosureCommand.Unreadable);
        output.Should().BeEmpty();
        err.Trim().Should().Be($"{_dir}: a directory; extract reads one document (for a directory: disclosure audit {_dir})");
    }

    [Test]
    public void LayoutOnAMissingFileSaysSoPlainly()
    {
        var missing = Path.Combine(_dir, "missing.pdf");

        var (status, _, err) = Run("layout", missing);

        status.Should().Be(DisclosureCommand.Unreadable);
        err.Trim().Should().Be($"{missing}: file not found");
        Run("layout", _dir).Err.Trim().Should().Be($"{_dir}: a directory, not a document");
    }

    // 15. '-' reads one document from standard input, its format told by its content.
    [TestCase("html/broken_totals.html", "html")]
    [TestCase("pdf/vertical_label_defects.pdf", "pdf")]
    [TestCase("docx/defects_renamed_titles.docx", "docx")]
    [TestCase("text/inline_tabs.txt", "text")]
    public void ADashReadsStandardInput(string sample, string format)
    {
        var content = File.ReadAllBytes(Sample(sample));
        var fromFile = JsonNode.Parse(Run("audit", "--format", "jsonl", Sample(sample)).Out)!.AsObject();

        var (status, output, _) = RunWithInput(content, "audit", "--format", "jsonl", "-");

        var json = JsonNode.Parse(output)!.AsObject();
        json["file"]!.GetValue<string>().Should().Be("-");
        json["format"]!.GetValue<string>().Should().Be(format);
        json["cells"]!.ToJsonString().Should().Be(fromFile["cells"]!.ToJsonString());
        json["findings"]!.ToJsonString().Should().Be(fromFile["findings"]!.ToJsonString());
        status.Should().Be(DisclosureCommand.Findings);

        var extracted = RunWithInput(content, "extract", "-");
        JsonNode.Parse(extracted.Out)!["cells"]!.ToJsonString().Should().Be(fromFile["cells"]!.ToJsonString());
        RunWithInput(content, "layout", "-").Out.Should().StartWith($"format {format},");
    }

    [Test]
    public void StandardInputIsOneDocumentGivenAlone()
    {
        var (status, _, err) = RunWithInput([], "audit", "-", Sample("html/plain.html"));

        status.Should().Be(DisclosureCommand.Unreadable);
        err.Should().Contain("give it alone");
        RunWithInput([], "audit", "--format", "jsonl", "-").Out.Should().Contain("\"errorKind\":\"empty\"");
    }

    // 7. Where each finding is: in the text output and in the findings CSV.
    [Test]
    public void TextFindingLinesSayWhereTheFindingIs()
    {
        var result = DisclosurePipeline.Default.Audit(Sample("pdf/vertical_label_defects.pdf"));
        var text = Run("audit", Sample("pdf/vertical_label_defects.pdf")).Out;

        var findingLines = Lines(text).Where(static l => l.StartsWith("    ", StringComparison.Ordinal)).ToList();
        findingLines.Should().HaveCount(result.Findings.Count).And.OnlyContain(static l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^    \w+ [A-Z]+\d+ \(pages? [0-9-]+, "),
            "a PDF finding names its page");

        // One cell: its whole location, as in the JSON (without the coordinates).
        var cell = result.Findings.First(static f => f.RuleId == "CELL001");
        var location = result.Report!.Cell(cell.Cells[0])!.Location;
        text.Should().Contain($"CELL001 ({location[..location.IndexOf(", x ", StringComparison.Ordinal)]}): ");
    }

    [TestCase("html/broken_totals.html")]
    [TestCase("text/inline_tabs.txt")]
    [TestCase("docx/defects_renamed_titles.docx")]
    public void ARowsTotalIsPlacedAtThatRow(string sample)
    {
        var result = DisclosurePipeline.Default.Audit(Sample(sample));
        var finding = result.Findings.First(static f => f.RuleId == "SUM002");
        var locations = finding.Cells.Select(k => result.Report!.Cell(k)!.Location).ToList();

        var place = FindingPlace.Describe(finding, result.Report);

        place.Should().NotBeNullOrEmpty();
        foreach (var location in locations)
        {
            // Every cell of the row is at the place named: each part of the place is a part of each cell's location.
            place!.Split(", ").Should().OnlyContain(p => location.Split(", ").Contains(p), $"{location} is in {place}");
        }

        Run("audit", Sample(sample)).Out.Should().Contain($"SUM002 ({place}): ");
    }

    [Test]
    public void FindingsCsvHasALocationColumn()
    {
        var result = DisclosurePipeline.Default.Audit(Sample("html/broken_totals.html"));

        var lines = Run("audit", "--format", "csv", "--findings", Sample("html/broken_totals.html")).Out.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        lines[0].Should().EndWith(",message,location", "a column added at the end");
        lines.Skip(1).Should().HaveCount(result.Findings.Count);
        foreach (var (line, finding) in lines.Skip(1).Zip(result.Findings))
        {
            var place = FindingPlace.Describe(finding, result.Report);
            place.Should().StartWith("table ");
            line.Should().EndWith("," + ReportCsv.Quote(place!));
        }
    }

    // 8. layout numbers rows and columns from 1, as every location does.
    [TestCase("html/plain.html")]
    [TestCase("pdf/ruled_two_pages.pdf")]
    [TestCase("docx/every_feature.docx")]
    [TestCase("text/inline_tabs.txt")]
    public void LayoutNumbersRowsAndColumnsAsLocationsDo(string sample)
    {
        var result = DisclosurePipeline.Default.Audit(Sample(sample));
        var layout = Run("layout", Sample(sample)).Out;

        // The cell of section 三's grand total, looked up in the layout by the row and column its location gives.
        var cell = result.Report!.Cell("requests.new.total")!;
        var row = System.Text.RegularExpressions.Regex.Match(cell.Location, @"\brow (\d+), col (\d+)");
        row.Success.Should().BeTrue(cell.Location);
        var line = $"  row {row.Groups[1].Value}, col {row.Groups[2].Value}";
        Lines(layout).Should().Contain(l => l.StartsWith(line + ":", StringComparison.Ordinal) || l.StartsWith(line + ", span", StringComparison.Ordinal));
        Lines(layout).Where(l => l.StartsWith(line, StringComparison.Ordinal)).Should().Contain(l => l.EndsWith(": " + cell.Text, StringComparison.Ordinal));
        layout.Should().NotContain("  row 0,").And.NotContain(", col 0");
    }

    // 11. The cells CSV says what each file was read as, and why one could not be read.
    [Test]
    public void CellsCsvHasFormatAndErrorColumns()
    {
        var missing = Path.Combine(_dir, "missing.html");
        var empty = Path.Combine(_dir, "empty.html");
        File.WriteAllBytes(empty, []);

        var lines = Run("audit", "--format", "csv", Sample("pdf/ruled_two_pages.pdf"), empty, missing).Out.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var header = lines[0].Split(',');
        header[..3].Should().Equal("file", "agency", "year");
        header[^3..].Should().Equal("format", "error", "error_kind");
        string Field(int line, string column) => lines[line].Split(',')[Array.IndexOf(header, column)];
        Field(1, "format").Should().Be("pdf");
        Field(1, "error").Should().BeEmpty();
        Field(2, "error").Should().NotBeEmpty();
        Field(2, "error_kind").Should().Be("empty");
        Field(3, "error_kind").Should().Be("not-found");
    }

    // 10. A file with warnings only is not clean.
    [Test]
    public void TheSummaryCountsWarningsOnlyApartFromClean()
    {
        var (status, _, err) = Run("audit", "--rule", "SUM001=warning", "--rule", "SUM002=warning", "--rule", "SUM003=warning", "--rule", "SUM004=warning",
            "--disable", "CELL002", "--disable", "CELL003", Sample("html/broken_totals.html"), Sample("html/plain.html"));

        status.Should().Be(DisclosureCommand.Clean, "warnings alone do not fail a run");
        err.Should().Contain(": 1 clean, 1 with warnings only, 0 with errors, 0 unreadable");
    }

    // 5. A full disk: one line, exit 2.
    [Test]
    public void AFullDiskIsOneClearLine()
    {
        if (!File.Exists("/dev/full"))
        {
            Assert.Ignore("needs /dev/full (Linux)");
        }

        var (status, _, err) = Run("audit", "--format", "jsonl", "-o", "/dev/full", Sample("html/plain.html"));

        status.Should().Be(DisclosureCommand.Unreadable);
        Lines(err).Should().Contain(static l => l.StartsWith("cannot write", StringComparison.Ordinal));
        err.Should().NotContain("   at ", "no stack trace");
    }
}
