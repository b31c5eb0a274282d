using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Tests.Model;

[TestFixture]
public sealed class SourceLocationTests
{
    [Test]
    public void APdfCellLocationReadsIntoItsParts()
    {
        var place = SourceLocation.Parse("page 4, table 2, row 5, col 10, x 120 y 300");

        (place.Page, place.Table, place.Row, place.Column, place.Line).Should().Be((4, 2, 5, 10, (int?)null));
        place.Number("x").Should().Be(120);
        place.Number("y").Should().Be(300);
        place.Parts.Select(static p => p.Kind).Should().Equal("page", "table", "row", "col", "x", "y");
        place.ToString().Should().Be("page 4, table 2, row 5, col 10, x 120 y 300");
    }

    [Test]
    public void ATextCellLocationGivesItsLineAndItsRowInTheTable()
    {
        var place = SourceLocation.Parse("line 12, table row 3, col 2");

        (place.Line, place.Row, place.Column, place.Page).Should().Be((12, 3, 2, (int?)null));
    }

    [Test]
    public void APieceThatIsNotWordsAndNumbersIsKeptInTheTextOnly()
    {
        var place = SourceLocation.Parse("pages 4-5, table 2, Row x");

        place.Parts.Should().Equal(new LocationPart("table", 2));
        place.Text.Should().Be("pages 4-5, table 2, Row x");
    }

    [Test]
    public void TwoReadingsOfOneLocationAreEqual() =>
        SourceLocation.Parse("table 2, row 4, col 10").Should().Be(SourceLocation.Parse("table 2, row 4, col 10"))
            .And.NotBe(SourceLocation.Parse("table 2, row 4, col 11"));

    [TestCase("html")]
    [TestCase("docx")]
    [TestCase("pdf")]
    [TestCase("text")]
    public void EveryCellOfTheTestDocumentsIsPlacedInItsTableRowAndColumn(string format)
    {
        var cells = Directory.EnumerateFiles(Path.Combine(TestPaths.TestData, format))
            .Where(static f => !f.EndsWith(".json", StringComparison.Ordinal))
            .Select(static f => DisclosurePipeline.Default.Audit(f).Report)
            .OfType<Report>()
            .SelectMany(static r => r.Cells.Values)
            .ToList();

        cells.Should().NotBeEmpty();
        cells.Should().OnlyContain(static c => (c.Place.Table != null || c.Place.Line != null) && c.Place.Row != null && c.Place.Column != null,
            "every reader writes where a cell's table is (its number, or its line in text), its row and column, and the one reading of a location finds them");
    }
}
