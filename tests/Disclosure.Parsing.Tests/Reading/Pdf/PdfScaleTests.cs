using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Reading.Pdf;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Reading.Pdf;

/// <summary>
/// A report printed reduced or enlarged reads the same: every geometric threshold of the reader is taken relative to
/// the text, so scaling the whole page changes no cell. With thresholds in points it did not: at 0.25× the 1 pt margin
/// round a ruled table took the low 、 of the heading above it (二、 read 二), at 2.5× and 4× the 1.5 pt a wrapped
/// label may stand outside its cell split borderless tables in two.
/// </summary>
[TestFixture]
public sealed class PdfScaleTests
{
    private static IEnumerable<string> Fixtures() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.TestData, "pdf"), "*.pdf").Select(Path.GetFileName).Order()!;

    [Test]
    public void TheScalingFixtureScales()
    {
        var original = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "pdf", "ruled_two_pages.pdf"));
        using var scaled = UglyToad.PdfPig.PdfDocument.Open(ScaledPdf.Scale(original, 0.5));
        using var plain = UglyToad.PdfPig.PdfDocument.Open(original);

        scaled.GetPage(1).Width.Should().BeApproximately(plain.GetPage(1).Width / 2, 0.01);
        var a = plain.GetPage(1).Letters[0];
        var b = scaled.GetPage(1).Letters[0];
        b.Value.Should().Be(a.Value);
        b.BoundingBox.Left.Should().BeApproximately(a.BoundingBox.Left / 2, 0.01);
        b.BoundingBox.Height.Should().BeApproximately(a.BoundingBox.Height / 2, 0.01);
    }

    [Test]
    public void AReportReadsTheSameAtAnyPrintScale(
        [ValueSource(nameof(Fixtures))] string name,
        [Values(0.25, 0.5, 0.6, 1.6, 2.5, 4.0)] double scale)
    {
        var original = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "pdf", name));
        var expected = Content(new PdfReader().Read(original));

        var actual = Content(new PdfReader().Read(ScaledPdf.Scale(original, scale)));

        Differences(expected, actual).Should().BeEmpty($"{name} printed at {scale}× holds the same text and cells");
        actual.Should().Equal(expected, "the same lines come in the same order");
    }

    // The lines of one reading missing from the other, and the other's in their place: the first few.
    private static List<string> Differences(List<string> expected, List<string> actual) =>
        expected.Except(actual).Select(static e => "lost: " + e).Concat(actual.Except(expected).Select(static a => "new: " + a)).Take(12).ToList();

    // What a reader makes of the document, without the coordinates its locations carry (they scale).
    private static List<string> Content(LayoutDocument document) =>
        document.Blocks.SelectMany(static b => b switch
        {
            LayoutTable t => t.Cells.Select(c => $"table {t.Index} r{c.Row}+{c.RowSpan} c{c.Column}+{c.ColumnSpan}: {c.Text}").Prepend($"table {t.Index} grid {t.IsGridAligned}"),
            LayoutParagraph p => [p.Text],
            _ => [b.ToString()!],
        }).ToList();
}
