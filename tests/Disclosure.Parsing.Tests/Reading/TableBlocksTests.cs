using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Reading;

namespace Disclosure.Parsing.Tests.Reading;

/// <summary>The one rule the HTML and Word readers share for a table's blocks.</summary>
[TestFixture]
public sealed class TableBlocksTests
{
    [Test]
    public void AOneColumnTableBecomesItsLinesAsParagraphsAndGivesUpItsNumber()
    {
        var blocks = new List<LayoutBlock>();
        var paragraphs = 2;
        List<LayoutCell> cells = [new("一、总体情况\n本机关……", 0, 0, 1, 1, "table 3, row 1, col 1"), new("二、主动公开", 1, 0, 1, 1, "table 3, row 2, col 1")];

        TableBlocks.Add(blocks, 3, cells, isGridAligned: true, ref paragraphs).Should().BeFalse();

        blocks.Should().AllBeOfType<LayoutParagraph>();
        blocks.Cast<LayoutParagraph>().Select(static p => (p.Text, p.Location)).Should().Equal(
            ("一、总体情况", "paragraph 3"), ("本机关……", "paragraph 4"), ("二、主动公开", "paragraph 5"));
        paragraphs.Should().Be(5);
    }

    [Test]
    public void ATableOfTwoColumnsIsATable()
    {
        var blocks = new List<LayoutBlock>();
        var paragraphs = 0;
        List<LayoutCell> cells = [new("规章", 0, 0, 1, 1, "table 1, row 1, col 1"), new("0", 0, 1, 1, 1, "table 1, row 1, col 2")];

        TableBlocks.Add(blocks, 1, cells, isGridAligned: false, ref paragraphs).Should().BeTrue();

        blocks.Should().ContainSingle().Which.Should().BeOfType<LayoutTable>().Which.Location.Should().Be("table 1");
        paragraphs.Should().Be(0);
    }

    [Test]
    public void ACellSpanningTwoColumnsIsNotOneColumn()
    {
        var blocks = new List<LayoutBlock>();
        var paragraphs = 0;
        List<LayoutCell> cells = [new("标题", 0, 0, 1, 2, "table 1, row 1, col 1"), new("规章", 1, 0, 1, 1, "table 1, row 2, col 1")];

        TableBlocks.Add(blocks, 1, cells, isGridAligned: true, ref paragraphs).Should().BeTrue();

        blocks.Should().ContainSingle().Which.Should().BeOfType<LayoutTable>();
    }

    [Test]
    public void AnEmptyTableAddsNothingAndKeepsItsNumber()
    {
        var blocks = new List<LayoutBlock>();
        var paragraphs = 0;

        TableBlocks.Add(blocks, 1, [], isGridAligned: true, ref paragraphs).Should().BeTrue();

        blocks.Should().BeEmpty();
    }
}
