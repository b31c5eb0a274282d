using Disclosure.Cli.Formatting;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Cli;

namespace Disclosure.Parsing.Tests.Cli;

[TestFixture]
public sealed class DisclosureCommandTests
{
    private string _dir = null!;

    private static string Sample(string name) => Path.Combine(TestPaths.TestData, name);

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "disclosure-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static (int Status, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter();
        var status = DisclosureCommand.Run(args, stdout, stderr);
        return (status, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Test]
    public void ExtractPrintsTheContractJson()
    {
        var (status, output, _) = Run("extract", Sample("html/plain.html"));

        status.Should().Be(DisclosureCommand.Clean);
        var json = JsonNode.Parse(output)!.AsObject();
        json["format"]!.GetValue<string>().Should().Be("html");
        json["template"]!.GetValue<string>().Should().Be("2021");
        json["sections"]!.AsArray().Should().HaveCount(6);
        json["cells"]!.AsObject().Count.Should().Be(200);
        json["cells"]!["requests.new.total"]!["location"]!.GetValue<string>().Should().StartWith("table ");
        json["error"].Should().BeNull();
    }

    [Test]
    public void ExtractTellsEachTablesTemplate()
    {
        var (status, output, _) = Run("extract", Sample("html/mixed_templates.html"));

        status.Should().Be(DisclosureCommand.Clean);
        var json = JsonNode.Parse(output)!.AsObject();
        json["template"]!.GetValue<string>().Should().Be("2019", "the report's template is its section 二's, as before");
        json["tableTemplates"]!.ToJsonString().Should().Be("""{"active":"2019","requests":"2021","appeals":"2021"}""");
        json["cells"]!.AsObject().Count.Should().Be(212, "22 cells of the 2019 section 二, 190 of the 2021 sections 三 and 四");
    }

    [Test]
    public void AuditExitsOneOnErrorFindingsAndPrintsAJsonLinePerFile()
    {
        var (status, output, _) = Run("audit", "--format", "jsonl", Sample("html/broken_totals.html"), Sample("html/plain.html"));

        status.Should().Be(DisclosureCommand.Findings);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        JsonNode.Parse(lines[0])!["findings"]!.AsArray().Select(static f => f!["ruleId"]!.GetValue<string>())
            .Should().Contain(["SUM002", "SUM003", "SUM004", "CELL002", "CELL003"]);
    }

    [Test]
    public void BadInputGetsItsOwnErrorAndTheBatchGoesOn()
    {
        var random = new byte[20000];
        new Random(3).NextBytes(random);
        var files = new[]
        {
            Write("empty.html", []),
            Write("random.html", random),
            Write("no_tables.html", Encoding.UTF8.GetBytes("<html><body><h1>某县2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>二、主动公开政府信息情况</p></body></html>")),
            Write("truncated.html", File.ReadAllBytes(Sample("html/plain.html"))[..4000]),
            Write("not_a_report.html", Encoding.UTF8.GetBytes("<html><body><h1>招聘公告</h1><table><tr><td>岗位</td><td>人数</td></tr></table></body></html>")),
            Write("legacy.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]),
            Path.Combine(_dir, "missing.html"),
            Sample("html/plain.html"),
            Write("headings_only.html", Encoding.UTF8.GetBytes("<html><body><p>一、总体情况</p><p>二、主动公开政府信息情况</p></body></html>")),
        };

        var (status, output, errors) = Run(["audit", "--format", "jsonl", .. files]);

        status.Should().Be(DisclosureCommand.Unreadable);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => JsonNode.Parse(l)!.AsObject()).ToList();
        results.Select(static r => Path.GetFileName(r["file"]!.GetValue<string>())).Should().Equal(files.Select(Path.GetFileName));
        string? Error(int i) => results[i]["error"]?.GetValue<string>();
        Error(0).Should().Contain("empty");
        Error(1).Should().Contain("binary");
        Error(2).Should().BeNull("a titled page with sections but no tables is a report with findings");
        results[2]["findings"]!.AsArray().Select(static f => f!["ruleId"]!.GetValue<string>()).Should().Contain("SEC002");
        Error(3).Should().BeNull("a truncated page is read as far as it goes");
        Error(4).Should().Contain("not a disclosure annual report");
        Error(5).Should().Contain(".doc");
        Error(6).Should().Contain("not found");
        Error(7).Should().BeNull();
        Error(8).Should().Contain("not a disclosure annual report").And.Contain("no report title", "two headings and nothing else are anybody's");
        errors.Should().Contain("empty.html");
    }

    [Test]
    public void AFiftyMegabytePageIsReadWithinBoundedTime()
    {
        var filler = string.Concat(Enumerable.Repeat("<div class=\"menu\"><a href=\"/x\">导航链接</a><span>站点内容</span></div>\n", 700_000));
        var page = File.ReadAllText(Sample("html/plain.html")).Replace("<body>", "<body>" + filler);
        var path = Write("huge.html", Encoding.UTF8.GetBytes(page));
        new FileInfo(path).Length.Should().BeGreaterThan(50L * 1024 * 1024);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (status, output, errors) = Run("audit", "--format", "jsonl", path);

        status.Should().Be(DisclosureCommand.Clean, errors);
        JsonNode.Parse(output)!["cells"]!.AsObject().Count.Should().Be(200);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60));
    }

    [Test]
    public void DirectoriesAreSearchedRecursivelyInAStableOrder()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "b"));
        File.Copy(Sample("html/plain.html"), Path.Combine(_dir, "b", "one.html"));
        File.Copy(Sample("text/cell_per_line.txt"), Path.Combine(_dir, "a.txt"));
        File.WriteAllText(Path.Combine(_dir, "notes.md"), "ignored");

        var (_, output, _) = Run("audit", "--format", "jsonl", _dir);

        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => Path.GetFileName(JsonNode.Parse(l)!["file"]!.GetValue<string>()))
            .Should().Equal("a.txt", "one.html");
    }

    [Test]
    public void ResultsComeInTheOrderTheFilesWereGivenHoweverLongEachTakes()
    {
        // Slow PDFs first, quick pages after: the workers finish out of order, the output must not.
        var files = new[]
        {
            Sample("pdf/ruled_three_pages_repeated_header.pdf"), Sample("html/plain.html"), Sample("pdf/landscape.pdf"),
            Sample("text/cell_per_line.txt"), Sample("html/broken_totals.html"), Sample("pdf/ruled_two_pages.pdf"),
            Sample("html/number_forms.html"), Sample("html/split_no_header.html"),
        };

        var (_, output, _) = Run(["audit", "--format", "jsonl", .. files]);

        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => JsonNode.Parse(l)!["file"]!.GetValue<string>())
            .Should().Equal(files);
    }

    [Test]
    public void CsvIsOneRowPerReportOneColumnPerCellKey()
    {
        var (_, output, _) = Run("audit", "--format", "csv", Sample("html/plain.html"), Sample("html/blank_and_null_cells.html"));

        output.Should().StartWith("\uFEFFfile,agency,year,active.regulations.issued,");
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        header.Length.Should().Be(3 + Disclosure.Parsing.Model.CellCatalog.All.Count + 3, "file, agency, year, the cells, then format, error, error_kind");
        var row = lines[2].Split(',');
        row[Array.IndexOf(header, "requests.new.commercial")].Should().BeEmpty("a blank cell has no value");
        row[Array.IndexOf(header, "year")].Should().Be("2023");
    }

    [Test]
    public void CsvQuotesFieldsThatNeedIt() =>
        ReportCsv.Quote("a,\"b\"").Should().Be("\"a,\"\"b\"\"\"");

    [Test]
    public void OutputIsDeterministic()
    {
        var first = Run("audit", "--format", "jsonl", TestPaths.TestData).Out;
        var second = Run("audit", "--format", "jsonl", TestPaths.TestData).Out;

        first.Should().Be(second);
    }

    [Test]
    public void TextOutputSaysTheVerdictAndGroupsFindingsBySection()
    {
        var (_, output, _) = Run("audit", Sample("html/broken_totals.html"));

        output.Should().Contain("FAIL").And.Contain("  第三部分\n").And.Contain("error SUM003");
    }

    [Test]
    public void RuleOptionsChangeSeverityAndSwitchRulesOff()
    {
        var (status, output, _) = Run("audit", "--format", "jsonl", "--rule", "SUM003=warning", "--rule", "SUM002=warning",
            "--rule", "SUM001=warning", "--rule", "SUM004=warning", "--disable", "CELL002", "--disable", "CELL003", Sample("html/broken_totals.html"));

        status.Should().Be(DisclosureCommand.Clean, "every error left is now a warning or off");
        var findings = JsonNode.Parse(output)!["findings"]!.AsArray();
        findings.Should().NotContain(static f => f!["ruleId"]!.GetValue<string>().StartsWith("CELL"));
        findings.Should().OnlyContain(static f => f!["severity"]!.GetValue<string>() == "warning");
        findings[0]!["help"]!.GetValue<string>().Should().NotBeEmpty();
        findings[0]!["locations"]!.AsObject().Count.Should().BeGreaterThan(0);
    }

    [Test]
    public void CsvFindingsIsOneRowPerFinding()
    {
        var (_, output, _) = Run("audit", "--format", "csv", "--findings", Sample("html/blank_and_null_cells.html"));

        var lines = output.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("file,agency,year,rule,severity,section,cells,expected,actual,message,location");
        lines.Skip(1).Should().HaveCount(5).And.OnlyContain(static l => l.Contains(",CELL001,error,"));
    }

    [Test]
    public void CrossYearComparesOneAgencysConsecutiveReports()
    {
        var before = Fixtures.SyntheticReport.Consistent(11);
        before.Year = 2023;
        var after = Fixtures.SyntheticReport.Consistent(12);
        after.Year = 2024;
        Write("before.txt", Encoding.UTF8.GetBytes(Fixtures.ReportRenderer.CellPerLineText(before)));
        Write("after.txt", Encoding.UTF8.GetBytes(Fixtures.ReportRenderer.CellPerLineText(after)));

        var (_, output, _) = Run("audit", "--cross-year", _dir);

        output.Should().Contain("compared 示例县人民政府 2023").And.Contain("XYR001");
        Run("audit", _dir).Out.Should().NotContain("XYR001").And.NotContain("compared");
    }

    [Test]
    public void SarifGoesThroughTheCommand()
    {
        var (status, output, _) = Run("audit", "--format", "sarif", Sample("html/broken_totals.html"), Sample("html/plain.html"));

        status.Should().Be(DisclosureCommand.Findings);
        var run = JsonNode.Parse(output)!["runs"]![0]!;
        var expected = new[] { "html/broken_totals.html", "html/plain.html" }.Sum(f => DisclosurePipeline.Default.Audit(Sample(f)).Findings.Count);
        run["results"]!.AsArray().Should().HaveCount(expected).And.HaveCountGreaterThan(0);
        run["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>().Should().EndWith("broken_totals.html");
    }

    [Test]
    public void RulesListsTheCatalogue()
    {
        var (status, output, _) = Run("rules");

        status.Should().Be(0);
        output.Should().Contain("SUM001").And.Contain("YEAR001").And.Contain("CELL004");
    }

    [Test]
    public void WrongUsageExitsTwo()
    {
        Run("audit").Status.Should().Be(DisclosureCommand.Unreadable);
        Run("audit", "--format", "xml", "x.html").Status.Should().Be(DisclosureCommand.Unreadable);
        Run("frobnicate").Status.Should().Be(DisclosureCommand.Unreadable);
        Run("audit", "--rule", "NOPE1=warning", "x.html").Status.Should().Be(DisclosureCommand.Unreadable);
    }

    [Test]
    public void HelpShowsAnExample()
    {
        var (status, output, _) = Run("--help");

        status.Should().Be(0);
        output.Should().Contain("disclosure audit").And.Contain("--format jsonl");
    }
}
