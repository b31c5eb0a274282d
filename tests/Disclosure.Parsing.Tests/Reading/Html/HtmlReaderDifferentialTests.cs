using Disclosure.Parsing.Reading;
using Disclosure.Parsing.Reading.Html;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Reading.Html;

/// <summary>
/// The streaming reader reads what the DOM reader (<see cref="ReferenceHtmlReader"/>) read: the same paragraphs, grids,
/// spans, locations and title, on every HTML page of testdata, on the generated fixtures in every combination of how
/// they can be printed, and on random tag soup.
/// </summary>
[TestFixture]
public sealed class HtmlReaderDifferentialTests
{
    public static IEnumerable<TestCaseData> TestDataPages() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.TestData, "html"), "*.html")
            .Order(StringComparer.Ordinal)
            .Select(static f => new TestCaseData(Path.GetFileName(f)).SetName($"TestData({Path.GetFileName(f)})"));

    public static IEnumerable<TestCaseData> PrintVariants()
    {
        for (var bits = 0; bits < 32; bits++)
        {
            var options = new RenderOptions
            {
                Chrome = (bits & 1) != 0,
                ActiveAsSeparateTables = (bits & 2) != 0,
                SplitRequests = (bits & 4) != 0,
                RepeatHeader = (bits & 8) != 0,
                WordStyleCells = (bits & 16) != 0,
            };
            yield return new TestCaseData(bits).SetName($"Variant({options.Chrome},{options.ActiveAsSeparateTables},{options.SplitRequests},{options.RepeatHeader},{options.WordStyleCells})");
        }
    }

    [TestCaseSource(nameof(TestDataPages))]
    public void ReadsTestDataPagesAsTheDomReaderDid(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "html", file));
        var html = TextDecoding.Decode(bytes, HtmlReader.DeclaredCharset(bytes.AsSpan(0, Math.Min(bytes.Length, 8192))));

        AssertSame(html);
    }

    [TestCaseSource(nameof(PrintVariants))]
    public void ReadsEveryPrintVariantAsTheDomReaderDid(int bits)
    {
        var options = new RenderOptions
        {
            Chrome = (bits & 1) != 0,
            ActiveAsSeparateTables = (bits & 2) != 0,
            SplitRequests = (bits & 4) != 0,
            RepeatHeader = (bits & 8) != 0,
            WordStyleCells = (bits & 16) != 0,
        };
        var report = SyntheticReport.Consistent(500 + bits);
        report.MakeNonNumeric("requests.new.commercial", string.Empty);

        AssertSame(ReportRenderer.Html(report, options));
    }

    [Test]
    public void ReadsRandomTagSoupAsTheDomReaderDid()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("DISCLOSURE_HTML_FUZZ"), out var n) ? n : 400;
        for (var seed = 0; seed < count; seed++)
        {
            var html = new RandomHtml(seed).Next();
            var expected = LayoutDump.Of(ReferenceHtmlReader.Parse(html));
            var actual = LayoutDump.Of(new HtmlReader().Parse(html));
            actual.Should().Be(expected, "seed {0}: {1}", seed, html);
        }
    }

    private static void AssertSame(string html) =>
        LayoutDump.Of(new HtmlReader().Parse(html)).Should().Be(LayoutDump.Of(ReferenceHtmlReader.Parse(html)));
}
