using System.Text;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Reading.Html;

namespace Disclosure.Parsing.Tests.Reading.Html;

/// <summary>
/// The tree-building rules that decide which text lands in which paragraph or cell on real pages: implied end tags,
/// text moved out of tables, spans read as browsers read them, table sections, doctypes, raw text. Each case also has
/// to agree with the DOM reader, so a rule cannot be right here and wrong there.
/// </summary>
[TestFixture]
public sealed class HtmlQuirksTests
{
    [Test]
    public void CellsAndRowsEndWhereTheNextBegins()
    {
        var table = SingleTable("<table><tr><td>规章<td>1<td>2<tr><td>规范性文件<td>3<td>4</table>");

        Texts(table).Should().Equal("规章", "1", "2", "规范性文件", "3", "4");
        table.Cells.Select(static c => (c.Row, c.Column)).Should().Equal((0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2));
    }

    [Test]
    public void AParagraphEndsWhereABlockBegins()
    {
        Paragraphs("<p>一、总体情况<p>本机关推进公开。<div>二、主动公开</div>").Should().Equal("一、总体情况", "本机关推进公开。", "二、主动公开");
    }

    [Test]
    public void AnEndTagOfAParagraphThatIsNotOpenStillEndsTheText()
    {
        Paragraphs("一、总体情况</p>本机关推进公开。").Should().Equal("一、总体情况", "本机关推进公开。");
    }

    [Test]
    public void ACellWithoutARowStartsOne()
    {
        var table = SingleTable("<table><td>规章<td>1</table>");

        table.Cells.Select(static c => (c.Text, c.Row, c.Column)).Should().Equal(("规章", 0, 0), ("1", 0, 1));
    }

    [Test]
    public void TextInATableOutsideItsCellsReadsBeforeTheTable()
    {
        var doc = Read("<p>统计表</p>说明<table>（单位：件）<tr><td>规章<td>1</tr>注<tr><td>规范性文件<td>2</table>后文");

        doc.Blocks.Select(Describe).Should().Equal("统计表", "说明（单位：件）注", "table 1: 规章|1|规范性文件|2", "后文");
    }

    [Test]
    public void WhitespaceInATableStaysInIt()
    {
        var doc = Read("前文<table> \n <tr> <td>规章</td> <td>1</td> </tr>\n</table>");

        doc.Blocks.Select(Describe).Should().Equal("前文", "table 1: 规章|1");
    }

    [Test]
    public void ASkippedElementLeftOpenInACellEndsWithTheCell()
    {
        // Site chrome in the first cell of a layout table; the report in the second must still be read.
        var doc = Read("<table><tr><td><nav>首页 政务公开</td><td><p>一、总体情况</p>" +
                       "<table><tr><td>规章</td><td>1</td></tr></table></td></tr></table>");

        doc.Blocks.Select(Describe).Should().Equal("一、总体情况", "table 1: 规章|1");
    }

    [Test]
    public void TheEndOfATableEndsItsOpenCellsAndRows()
    {
        var doc = Read("<table><tr><td>规章<td>1</table><p>后文</p>");

        doc.Blocks.Select(Describe).Should().Equal("table 1: 规章|1", "后文");
    }

    [Test]
    public void EitherCellEndTagEndsTheOpenCell()
    {
        SingleTable("<table><tr><th>项目</td><td>1</th></tr></table>").Cells.Select(static c => c.Text).Should().Equal("项目", "1");
    }

    [TestCase("2px", 2)]
    [TestCase(" 3", 3)]
    [TestCase("+2", 2)]
    [TestCase("0", 1)]
    [TestCase("abc", 1)]
    [TestCase("-2", 1)]
    [TestCase("", 1)]
    public void SpansAreReadAsBrowsersReadThem(string colspan, int expected)
    {
        // Browsers take the leading digits; AngleSharp's DOM gave 1 for "2px", the one case where the readers differ.
        var html = $"<table><tr><td colspan=\"{colspan}\">a</td><td>b</td></tr><tr><td>c</td><td>d</td><td>e</td></tr></table>";
        var table = Read(html, sameAsDomReader: colspan != "2px").Blocks.OfType<LayoutTable>().Single();

        table.Cells[0].ColumnSpan.Should().Be(expected);
        table.Cells[1].Column.Should().Be(expected);
    }

    [Test]
    public void SpansAreClampedToTheOptions()
    {
        var doc = new HtmlReader(new HtmlReaderOptions { MaxSpan = 3 })
            .Read(Encoding.UTF8.GetBytes("<table><tr><td colspan=7>a</td><td>b</td></tr><tr><td rowspan=1000>c</td><td>d</td></tr></table>"));

        var cells = doc.Blocks.OfType<LayoutTable>().Single().Cells;
        cells[0].ColumnSpan.Should().Be(3);
        cells[1].Column.Should().Be(3);
        cells[2].RowSpan.Should().Be(1, "spans are clamped to the table too");
    }

    [Test]
    public void RowsOfTheHeadComeFirstAndRowsOfTheFootLast()
    {
        var table = SingleTable("<table><tfoot><tr><td>合计<td>3</tfoot><tbody><tr><td>规章<td>1</tbody>" +
                                "<thead><tr><td>项目<td>件数</thead><tbody><tr><td>规范性文件<td>2</tbody></table>");

        table.Rows.Select(static r => string.Join("|", r.Select(static c => c.Text))).Should().Equal("项目|件数", "规章|1", "规范性文件|2", "合计|3");
        table.Cells.Single(static c => c.Text == "合计").Location.Should().Be("table 1, row 4, col 1");
    }

    [Test]
    public void ARowSpanKeepsItsColumnsFromTheRowsBelow()
    {
        var table = SingleTable("<table><tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>5</td></tr>" +
                                "<tr><td>1</td><td>2</td><td>3</td></tr></table>");

        table.Cells.Select(static c => (c.Text, c.Row, c.Column)).Should().Equal(
            ("三、本年度办理结果", 0, 0), ("（一）予以公开", 0, 1), ("5", 0, 3), ("1", 1, 1), ("2", 1, 2), ("3", 1, 3));
    }

    [Test]
    public void ATableDecidedToBeLayoutLateStillReadsItsEarlierCellsAsText()
    {
        // Cells read before the inner table shows the outer one is page layout must come out as paragraphs, in order.
        var doc = Read("<table><tr><td><p>一、总体情况</p><p>本机关推进公开。</p></td><td>栏目</td></tr>" +
                       "<tr><td><table><tr><td>规章</td><td>1</td></tr></table>二、主动公开</td></tr></table>");

        doc.Blocks.Select(Describe).Should().Equal("一、总体情况", "本机关推进公开。", "栏目", "table 1: 规章|1", "二、主动公开");
    }

    [Test]
    public void SkippedElementsAreConfigurable()
    {
        var options = new HtmlReaderOptions { SkippedElements = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "aside", "script" } };
        var doc = new HtmlReader(options).Read(Encoding.UTF8.GetBytes("<aside>栏目导航</aside><nav>首页</nav><p>正文</p>"));

        doc.Blocks.OfType<LayoutParagraph>().Select(static p => p.Text).Should().Equal("首页", "正文");
    }

    [Test]
    public void LineBreaksAreKeptInParagraphsAndCells()
    {
        var doc = Read("<p>一、总体情况<br>（一）主动公开</br>全年公开</p><table><tr><td>行政<br/>许可</td><td>1</td></tr></table>");

        doc.Blocks.Select(Describe).Should().Equal("一、总体情况⏎（一）主动公开⏎全年公开", "table 1: 行政⏎许可|1");
    }

    [Test]
    public void TheTitleIsTheFirstTitleElementOnOneLine()
    {
        var doc = Read("<html><head><title>\n  青山县2023年\n 政府信息公开工作年度报告 </title></head><body><title>沭阳县人民政府</title><p>正文</p>");

        doc.Title.Should().Be("青山县2023年 政府信息公开工作年度报告");
        doc.Blocks.OfType<LayoutParagraph>().Select(static p => p.Text).Should().Equal("沭阳县人民政府", "正文");
    }

    [Test]
    public void LocationsCountParagraphsAndDataTables()
    {
        var doc = Read("<p>一</p><table><tr><td>只有一列</td></tr></table><table><tr><td>a</td><td>b</td></tr></table><p>二</p>");

        doc.Blocks.Select(static b => b.Location).Should().Equal("paragraph 1", "paragraph 2", "table 1", "paragraph 3");
    }

    [Test]
    public void WithoutADoctypeATableStaysInsideTheOpenParagraph()
    {
        // Quirks mode: the table does not end the paragraph, so a form (which ends it) separates b from d.
        const string Body = "<p>a<table><tr><td>1<td>2</table>b<form>c</form>d";

        Read(Body).Blocks.Select(Describe).Should().Equal("a", "table 1: 1|2", "b", "d");
        Read("<!DOCTYPE html>" + Body).Blocks.Select(Describe).Should().Equal("a", "table 1: 1|2", "bd");
    }

    [Test]
    public void ScriptsEndAtTheirEndTagEvenWhenTheyWriteScripts()
    {
        Paragraphs("<script type=\"text/javascript\"><!-- document.write(\"<script src='a.js'></script>\"); //--></script>正文")
            .Should().Equal("正文");
    }

    [Test]
    public void RawTextIsNotMarkup()
    {
        var doc = Read("<html><head><title>a &lt;b&gt; c</title><style>td { content: '</td>' }</style></head>" +
                       "<body><textarea>\n<p>不是段落</p></textarea><xmp><b>原样</b></xmp>");

        doc.Title.Should().Be("a <b> c");
        doc.Blocks.OfType<LayoutParagraph>().Select(static p => p.Text).Should().Equal("<b>原样</b>");
    }

    [Test]
    public void CharacterReferencesAreDecoded()
    {
        Paragraphs("<p>&#20013;&#x6587;&nbsp;&amp;&lt;&copy &notit; &zz; &; &#x;</p>").Should().Equal("中文 &<© ¬it; &zz; & &#x;");
    }

    [Test]
    public void CarriageReturnsAreLineEnds()
    {
        SingleTable("<table><tr><td>行政\r\n许可\r复议</td><td>1</td></tr></table>").Cells[0].Text.Should().Be("行政\n许可\n复议");
    }

    [Test]
    public void CommentsAndBogusMarkupAreDropped()
    {
        Paragraphs("<p>一<!-- <p>注释</p> -->二<![if !supportLists]>三<![endif]><?xml:namespace prefix = o ?><o:p>四</o:p></p>")
            .Should().Equal("一二三四");
    }

    [Test]
    public void AnUnclosedTagAtTheEndOfATruncatedPageIsDropped()
    {
        SingleTable("<table><tr><td>规章</td><td>1</td><td colspan=\"2").Cells.Select(static c => c.Text).Should().Equal("规章", "1");
    }

    [Test]
    public void FormattingCutOffByABlockIsReopenedInsideTheNextOne()
    {
        // The reopened font is created inside the form and stays open when the form ends: the text after it is the
        // form's, which is skipped. That is how the DOM reader read it; this reader keeps that.
        Paragraphs("<p><font size=3>正文</p><form><input name=q></form>后文").Should().Equal("正文");
        Paragraphs("<p><font size=3>正文</font></p><form><input name=q></form>后文").Should().Equal("正文", "后文");
    }

    private static LayoutDocument Read(string html, bool sameAsDomReader = true)
    {
        var doc = new HtmlReader().Read(Encoding.UTF8.GetBytes(html));
        if (sameAsDomReader)
        {
            LayoutDump.Of(doc).Should().Be(LayoutDump.Of(ReferenceHtmlReader.Parse(html)), "the DOM reader read {0}", html);
        }

        return doc;
    }

    private static List<string> Paragraphs(string html) =>
        Read(html).Blocks.Select(static b => b.Should().BeOfType<LayoutParagraph>().Subject.Text).ToList();

    private static LayoutTable SingleTable(string html) => Read(html).Blocks.OfType<LayoutTable>().Should().ContainSingle().Subject;

    private static IEnumerable<string> Texts(LayoutTable table) => table.Cells.Select(static c => c.Text);

    private static string Describe(LayoutBlock block) => block switch
    {
        LayoutParagraph p => p.Text.Replace("\n", "⏎"),
        LayoutTable t => $"{t.Location}: {string.Join("|", t.Cells.Select(static c => c.Text.Replace("\n", "⏎")))}",
        _ => block.ToString(),
    };
}
