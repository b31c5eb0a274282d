using System.Text;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Reading;
using Disclosure.Parsing.Reading.Text;

namespace Disclosure.Parsing.Tests.Reading.Text;

[TestFixture]
public sealed class PlainTextReaderTests
{
    private static LayoutDocument Read(string text) => new PlainTextReader().Read(Encoding.UTF8.GetBytes(text));

    [Test]
    public void ReadsOneCellPerLineRowsSeparatedByBlankLines()
    {
        var doc = Read("标题\n\t信息内容\n\t本年制发件数\n\n\t规章\n\t　1\n\n正文\n");

        doc.Blocks.Should().HaveCount(3);
        var table = doc.Blocks[1].Should().BeOfType<LayoutTable>().Subject;
        table.IsGridAligned.Should().BeFalse();
        table.Rows.Select(static r => string.Join("|", r.Select(static c => c.Text))).Should().Equal("信息内容|本年制发件数", "规章|1");
    }

    [Test]
    public void AShortUntabbedLineContinuesTheCellAbove()
    {
        var doc = Read("\t\n\t商业\n企业\n\t科研\n机构\n\n");

        doc.Blocks.OfType<LayoutTable>().Single().Rows[0].Select(static c => c.Text).Should().Equal(string.Empty, "商业\n企业", "科研\n机构");
    }

    [Test]
    public void AnEmptyTabLineIsAnEmptyCell()
    {
        var doc = Read("\t\n\t\n\t2.其他法律行政法规禁止公开\n\t 0\n\n");

        doc.Blocks.OfType<LayoutTable>().Single().Rows[0].Should().HaveCount(4);
    }

    [TestCase("规章\t1\t3\t11")]
    [TestCase("规章    1    3    11")]
    [TestCase("规章　1　3　11")]
    [TestCase("规章  1 3 11")]
    public void SplitsRowsWhoseCellsShareALine(string line)
    {
        var doc = Read($"二、主动公开政府信息情况\n{line}\n");

        doc.Blocks.OfType<LayoutTable>().Single().Rows[0].Select(static c => c.Text).Should().Equal("规章", "1", "3", "11");
    }

    [Test]
    public void ProseStaysAParagraph()
    {
        var doc = Read("2024年，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，推进政务公开。\n");

        doc.Blocks.Should().ContainSingle().Which.Should().BeOfType<LayoutParagraph>();
    }

    [Test]
    public void DecodesGb18030Text()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var doc = new PlainTextReader().Read(Encoding.GetEncoding("GB18030").GetBytes("一、总体情况\n"));

        doc.Blocks.OfType<LayoutParagraph>().Single().Text.Should().Be("一、总体情况");
    }

    [Test]
    public void RefusesBinaryContent()
    {
        var act = () => new PlainTextReader().Read(new byte[] { 0, 1, 2, 3, 0, 0, 5, 6 });

        act.Should().Throw<DocumentReadException>();
    }
}
