using System.Text;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Reading;
using Disclosure.Parsing.Reading.Html;

namespace Disclosure.Parsing.Tests.Reading.Html;

[TestFixture]
public sealed class HtmlReaderTests
{
    private static LayoutDocument Read(string html, Encoding? encoding = null) =>
        new HtmlReader().Read((encoding ?? Encoding.UTF8).GetBytes(html));

    [Test]
    public void ExpandsRowAndColumnSpansIntoTheGrid()
    {
        var doc = Read("<table><tr><td rowspan=2>A</td><td colspan=2>B</td></tr><tr><td>c</td><td>d</td></tr></table>");

        var table = doc.Blocks.OfType<LayoutTable>().Single();
        table.IsGridAligned.Should().BeTrue();
        table.Rows[1].Select(static c => c.Text).Should().Equal("A", "c", "d");
        table.Rows[1][1].Column.Should().Be(1);
        table.Cells.Single(static c => c.Text == "B").ColumnSpan.Should().Be(2);
        table.Cells.Single(static c => c.Text == "d").Location.Should().Be("table 1, row 2, col 3");
    }

    [Test]
    public void CellTextKeepsLineBreaksAndFoldsNbsp()
    {
        var doc = Read("<table><tr><td><p>商业</p><p>&nbsp;企业&nbsp;</p></td><td>1<br>2</td></tr></table>");

        var cells = doc.Blocks.OfType<LayoutTable>().Single().Cells;
        cells[0].Text.Should().Be("商业\n企业");
        cells[1].Text.Should().Be("1\n2");
    }

    [TestCase("gb2312")]
    [TestCase("GBK")]
    [TestCase(null)]
    public void DecodesGbPagesDeclaredOrNot(string? charset)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var meta = charset is null ? string.Empty : $"<meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">";
        var doc = Read($"<html><head>{meta}</head><body><p>一、总体情况</p></body></html>", Encoding.GetEncoding("GB18030"));

        doc.Blocks.OfType<LayoutParagraph>().Single().Text.Should().Be("一、总体情况");
    }

    [Test]
    public void SkipsScriptsAndUnwrapsLayoutTables()
    {
        var doc = Read("<script>document.write('<table><tr><td>x</td></tr></table>')</script>" +
                       "<table><tr><td><p>正文</p><table><tr><td>1</td><td>2</td></tr></table></td></tr></table>");

        doc.Blocks.Should().HaveCount(2);
        doc.Blocks[0].Should().BeOfType<LayoutParagraph>().Which.Text.Should().Be("正文");
        doc.Blocks[1].Should().BeOfType<LayoutTable>().Which.Cells.Select(static c => c.Text).Should().Equal("1", "2");
    }

    [Test]
    public void AOneColumnTableIsText()
    {
        var doc = Read("<table><tr><td><p>一、总体情况</p><p>2024年，本机关推进公开。</p></td></tr><tr><td>二、主动公开政府信息情况</td></tr></table>" +
                       "<table><tr><td>规章</td><td>1</td></tr></table>");

        doc.Blocks.OfType<LayoutParagraph>().Select(static p => p.Text).Should().Equal("一、总体情况", "2024年，本机关推进公开。", "二、主动公开政府信息情况");
        doc.Blocks.OfType<LayoutTable>().Should().ContainSingle().Which.Index.Should().Be(1);
    }

    [Test]
    public void MarksRaggedTablesAsNotAligned()
    {
        var doc = Read("<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>");

        doc.Blocks.OfType<LayoutTable>().Single().IsGridAligned.Should().BeFalse();
    }

    [Test]
    public void ClampsSpansThatRunPastTheTable()
    {
        var doc = Read("<table><tr><td rowspan=9999>a</td><td>b</td></tr><tr><td>c</td></tr></table>");

        doc.Blocks.OfType<LayoutTable>().Single().Cells[0].RowSpan.Should().Be(2);
    }

    [Test]
    public void RefusesBinaryContent()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var act = () => new HtmlReader().Read(bytes);

        act.Should().Throw<DocumentReadException>().WithMessage("*binary*");
    }

    [Test]
    public void ReadsATruncatedPage()
    {
        var doc = Read("<html><body><p>一、总体情况</p><table><tr><td>规章</td><td>1");

        doc.Blocks.OfType<LayoutTable>().Single().Cells.Select(static c => c.Text).Should().Equal("规章", "1");
    }
}
