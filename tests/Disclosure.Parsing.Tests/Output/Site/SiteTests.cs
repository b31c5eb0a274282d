using Disclosure.Cli.Formatting;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Disclosure.Cli;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Output;
using Disclosure.Parsing.Output.Site;
using Disclosure.Parsing.Reading.Pdf;

namespace Disclosure.Parsing.Tests.Output.Site;

/// <summary>The ratios of the overview and of the JSON result: computed once, from cell keys, null where they cannot be.</summary>
[TestFixture]
public sealed class SiteMetricsTests
{
    private static Report With(params (string Key, decimal? Value)[] cells) =>
        new(null, 2024, "2021", [], [], cells.ToDictionary(static c => c.Key, static c => new ReportCell(c.Key, c.Value, c.Value?.ToString(CultureInfo.InvariantCulture) ?? "", "table 1")));

    [Test]
    public void RatiosFollowTheirFormulas()
    {
        var report = With(
            ("requests.granted.total", 30), ("requests.partially_granted.total", 10), ("requests.total.total", 80),
            ("requests.unable_not_held.total", 4), ("requests.unable_needs_creation.total", 2), ("requests.unable_unclear.total", 2),
            ("requests.carried_forward.total", 5), ("requests.new.total", 90), ("requests.carried_over.total", 10),
            ("appeals.review.corrected", 1), ("appeals.review.total", 3),
            ("appeals.litigation_direct.corrected", 1), ("appeals.litigation_direct.total", 2),
            ("appeals.litigation_after_review.corrected", 0), ("appeals.litigation_after_review.total", 2));

        var m = ReportMetrics.Of(report);

        m.DisclosureRate.Should().Be(0.5m);
        m.UnableRate.Should().Be(0.1m);
        m.DenialRate.Should().BeNull("the eight 不予公开 rows are missing");
        m.CarryForwardRate.Should().Be(0.05m);
        m.ReviewCorrectionRate.Should().Be(0.3333m);
        m.LitigationCorrectionRate.Should().Be(0.25m);
    }

    [Test]
    public void ARatioIsNullWhereTheDenominatorIsZeroOrACellHasNoValue()
    {
        var m = ReportMetrics.Of(With(("requests.granted.total", 0), ("requests.partially_granted.total", 0), ("requests.total.total", 0),
            ("appeals.review.corrected", null), ("appeals.review.total", 3)));

        m.DisclosureRate.Should().BeNull();
        m.ReviewCorrectionRate.Should().BeNull();
    }

    [Test]
    public void TheJsonResultCarriesAMetricsObjectAndNullForAnUnreadFile()
    {
        var read = JsonNode.Parse(ReportJson.ToJsonLine(DisclosurePipeline.Default.Audit(Path.Combine(TestPaths.TestData, "html", "plain.html"))))!;
        var metrics = read["metrics"]!.AsObject();
        metrics.Select(static p => p.Key).Should().Equal(ReportMetrics.Definitions.Select(static d => d.Id));
        metrics["disclosureRate"]!.GetValue<decimal>().Should().BeInRange(0, 1);

        var failed = JsonNode.Parse(ReportJson.ToJsonLine(AuditResult.Failed("x.pdf", "pdf", FailureKind.Scanned, "scanned")))!;
        failed.AsObject().ContainsKey("metrics").Should().BeTrue();
        failed["metrics"].Should().BeNull();
    }
}

/// <summary>A document's page: the template's cells, marks where findings are, escaping of what the document says.</summary>
[TestFixture]
public sealed class SiteDocumentPageTests
{
    [Test]
    public void EveryCellAFindingNamesIsMarkedAndNoOther()
    {
        var result = DisclosurePipeline.Default.Audit(Path.Combine(TestPaths.TestData, "html", "broken_totals.html"));
        result.Findings.Should().NotBeEmpty();

        var html = DocumentPage.Render(result);

        var marked = Regex.Matches(html, "<td id=\"c-([^\"]+)\" data-key=\"[^\"]+\" class=\"cell [a-z]+ marked").Select(static m => m.Groups[1].Value).ToList();
        marked.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(result.Findings.SelectMany(static f => f.Cells).Distinct());
        Regex.Matches(html, "<li id=\"f\\d+\"").Count.Should().Be(result.Findings.Count);
    }

    [TestCase("blank_and_null_cells.html")]
    [TestCase("mixed_templates.html")]
    public void DrawsTheTemplatesCellsAbsentAndBlankApart(string name)
    {
        var read = DisclosurePipeline.Default.Audit(Path.Combine(TestPaths.TestData, "html", name));
        var cells = read.Report!.Cells.Where(static c => c.Key is not ("requests.new.total" or "appeals.review.upheld")).ToDictionary();
        var result = read with { Report = read.Report with { Cells = cells } };
        var html = DocumentPage.Render(result);

        var drawn = Regex.Matches(html, "data-key=\"([^\"]+)\" class=\"cell (absent|blank|read)").ToDictionary(static m => m.Groups[1].Value, static m => m.Groups[2].Value);
        // Each table in its own template (a 2019 section 二 beside a 2021 section 三).
        var template = CellCatalog.All
            .Where(d => d.In(result.Report!.TemplateOf(d.Table == "active2019" ? "active" : d.Table)!) && (d.Table != "active" || result.Report.TemplateOf("active") == "2021"))
            .Select(static d => d.Key).ToList();
        drawn.Keys.Should().Contain(template);
        drawn.Where(static d => d.Value == "blank").Select(static d => d.Key).Should()
            .BeEquivalentTo(result.Report!.Cells.Values.Where(static c => c.Text.Length == 0).Select(static c => c.Key));
        drawn.Where(static d => d.Value == "absent").Select(static d => d.Key).Should()
            .BeEquivalentTo(template.Where(k => !result.Report!.Cells.ContainsKey(k)));
    }

    [Test]
    public void DocumentTextIsEscapedAndOnlyThePagesOwnScriptMayRun()
    {
        const string hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
        var cells = new Dictionary<string, ReportCell> { ["requests.new.total"] = new("requests.new.total", null, hostile, "table 1 \"><b>") };
        var report = new Report(hostile, 2024, "2021", [new ReportSection("一", hostile, true, "line 1")], [new ReportTable("requests", "三", true, "table 1")], cells);
        var finding = new Finding("CELL001", Severity.Error, "三", ["requests.new.total"], null, null, hostile);
        var html = DocumentPage.Render(new AuditResult("a\"><script>x</script>.html", "html", report, [finding], null) { Problems = [hostile] });

        html.Should().NotContain("<script>window").And.NotContain("<img").And.NotContain("<b>").And.NotContain("<script>x");
        html.Should().Contain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
        Regex.Matches(html, "<script>").Count.Should().Be(1, "the page's own script only");
        html.Should().Contain("Content-Security-Policy").And.Contain("default-src 'none'").And.Contain("script-src 'sha256-");
    }

    [Test]
    public void FetchesNothing()
    {
        var html = DocumentPage.Render(DisclosurePipeline.Default.Audit(Path.Combine(TestPaths.TestData, "html", "plain.html")));

        html.Should().NotMatchRegex("(src|href)=\"(https?:)?//");
        html.Should().NotContain("@import").And.NotContain("url(");
    }
}

/// <summary>The page view of a PDF: the outlines of finding cells stand where the reader found those cells' text.</summary>
[TestFixture]
public sealed class SitePdfPageViewTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Test]
    public void OutlinesEachFindingCellAroundItsPrintedText()
    {
        var file = Path.Combine(TestPaths.TestData, "pdf", "vertical_label_defects.pdf");
        var result = DisclosurePipeline.Default.Audit(file);
        var layout = new PdfReader(new PdfReaderOptions { KeepPageGeometry = true }).Read(File.ReadAllBytes(file));
        var html = DocumentPage.Render(result, layout);

        var svgs = Regex.Matches(html, "<svg xmlns=.*?</svg>", RegexOptions.Singleline).Select(static m => XElement.Parse(m.Value)).ToList();
        svgs.Should().NotBeEmpty();
        var outlines = svgs.SelectMany(static s => s.Elements(Svg + "rect").Select(r => (Svg: s, Rect: r))).ToList();
        var named = result.Findings.SelectMany(static f => f.Cells).Distinct().Where(k => result.Report!.Cells.ContainsKey(k)).ToList();
        outlines.Select(static o => (string)o.Rect.Attribute("data-key")!).Should().BeEquivalentTo(named);

        foreach (var (svg, rect) in outlines)
        {
            var key = (string)rect.Attribute("data-key")!;
            var cell = result.Report!.Cells[key];
            double A(XElement e, string n) => double.Parse((string)e.Attribute(n)!, CultureInfo.InvariantCulture);
            var (x, y, w, h) = (A(rect, "x"), A(rect, "y"), A(rect, "width"), A(rect, "height"));

            // The cell's known position: its location names the page and the top-left corner of its box.
            var at = Regex.Match(cell.Location, @"^page (\d+),.* x (-?\d+) y (-?\d+)$");
            at.Success.Should().BeTrue(cell.Location);
            ((string)svg.Attribute("data-page")!).Should().Be(at.Groups[1].Value);
            x.Should().BeApproximately(double.Parse(at.Groups[2].Value, CultureInfo.InvariantCulture), 0.51, key);
            y.Should().BeApproximately(double.Parse(at.Groups[3].Value, CultureInfo.InvariantCulture), 0.51, key);

            // And the words drawn inside the outline are the cell's printed text.
            var inside = svg.Elements(Svg + "text")
                .Where(t => A(t, "x") + (A(t, "textLength") / 2) is var cx && cx > x && cx < x + w && A(t, "y") > y && A(t, "y") < y + h)
                .Select(static t => t.Value);
            string.Concat(inside).Should().Be(cell.Text.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), key);
        }
    }

    [Test]
    public void GeometryIsKeptOnlyWhenAskedAndChangesNothingElse()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "pdf", "vertical_label_defects.pdf"));
        var plain = new PdfReader().Read(bytes);
        var kept = new PdfReader(new PdfReaderOptions { KeepPageGeometry = true }).Read(bytes);

        plain.Pages.Should().BeEmpty();
        plain.Blocks.OfType<LayoutTable>().SelectMany(static t => t.Cells).Should().OnlyContain(static c => c.Box == null);
        kept.Pages.Should().NotBeEmpty();
        kept.Blocks.OfType<LayoutTable>().SelectMany(static t => t.Cells).Should().OnlyContain(static c => c.Box != null);
        LayoutText.Describe(kept).Should().Be(LayoutText.Describe(plain));
    }
}

/// <summary>'disclosure report PATHS -o DIR'.</summary>
[TestFixture]
public sealed class SiteCommandTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "disclosure-site-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Test]
    public void WritesAPagePerDocumentAndAnIndexLinkingEveryOne()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var status = DisclosureCommand.Run(["report", TestPaths.TestData, "-o", _dir, "--in-process"], stdout, stderr);

        status.Should().BeOneOf(DisclosureCommand.Clean, DisclosureCommand.Findings, DisclosureCommand.Unreadable);
        var documents = Directory.EnumerateFiles(TestPaths.TestData, "*", SearchOption.AllDirectories).Count(static f => !f.EndsWith(".json", StringComparison.Ordinal));
        var pages = Directory.GetFiles(Path.Combine(_dir, ReportSite.DocumentsFolder), "*.html");
        pages.Should().HaveCount(documents);
        var index = File.ReadAllText(Path.Combine(_dir, "index.html"));
        foreach (var page in pages)
        {
            index.Should().Contain($"href=\"{ReportSite.DocumentsFolder}/{Path.GetFileName(page)}\"");
        }

        foreach (var d in ReportMetrics.Definitions)
        {
            index.Should().Contain(d.Name).And.Contain(d.Id);
        }

        var pdfPage = pages.Single(static p => p.EndsWith("vertical_label_defects.pdf.html", StringComparison.Ordinal));
        File.ReadAllText(pdfPage).Should().Contain("<rect class=\"fcell");
    }

    [Test]
    public void NeedsAnOutputDirectory()
    {
        var stderr = new StringWriter();
        DisclosureCommand.Run(["report", TestPaths.TestData], new StringWriter(), stderr).Should().Be(DisclosureCommand.Unreadable);
        stderr.ToString().Should().Contain("--output");
    }
}
