using System.Text;
using Disclosure.Parsing.Reading.Docx;
using Disclosure.Parsing.Reading.Html;
using Disclosure.Parsing.Reading.Pdf;
using Disclosure.Parsing.Reading.Text;
using Disclosure.Parsing.Recognition;

namespace Disclosure.Parsing.Tests.Recognition;

/// <summary>The glance before reading: what it sees of a page's text, and that it lets every report through.</summary>
[TestFixture]
public sealed class ReportMarkersTests
{
    private const string Title = "<h1>某县2023年政府信息公开工作年度报告</h1>";

    private static Glance Html(string body) => ReportMarkers.Look($"<html><body>{body}</body></html>", markup: true);

    private static readonly string Requests =
        "<table><tr><td>自然人</td><td>法人或其他组织</td><td>总计</td></tr><tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
        + "<tr><td>一、本年新收政府信息公开申请数量</td><td>1</td></tr><tr><td>（一）予以公开</td><td>1</td></tr></table>";

    [Test]
    public void ATitleAboveTwoHeadingsMayBeAReport()
    {
        var glance = Html(Title + "<p>一、总体情况</p><p>二、主动公开政府信息情况</p>");

        glance.Should().BeEquivalentTo(new { Title = true, Sections = "一二", SectionsBelowTitle = 2, MayBeReport = true });
    }

    [Test]
    public void WordsSplitByMarkupCommentsAndReferencesAreWhole()
    {
        var glance = Html("<h1>某县<span>2023</span>年政府<!-- x -->信息公开工作年度<b>报告</b></h1>"
            + "<p><strong>一</strong>&#12289;<span style=\"a\">总体</span>情况</p><p>二&nbsp;、主&#x52A8;公开政府信息情况</p>");

        glance.Should().BeEquivalentTo(new { Title = true, Sections = "一二" });
    }

    [Test]
    public void FullWidthFormsAreFolded()
    {
        var glance = Html("<h1>某县２０２３年政府信息公开工作年度报告</h1><p>一．总体情况</p><p>二．主动公开政府信息情况</p>");

        glance.Should().BeEquivalentTo(new { Title = true, Sections = "一二" });
    }

    [Test]
    public void ScriptsStylesAndMenusMakeNoTitle()
    {
        var glance = Html("<script>var t = '某县2023年政府信息公开工作年度报告';</script><style>.a{}</style>"
            + "<ul><li>政府信息公开指南</li><li>政府信息公开年度报告</li><li>依申请公开</li><li>行政复议</li></ul>"
            + "<div>2023年12月</div><p>一、总体要求</p><p>二、深化主动公开</p>");

        glance.Title.Should().BeFalse();
        glance.MayBeReport.Should().BeFalse();
    }

    [Test]
    public void ATitleAfterTheHeadingsIsALinkToAnotherPage()
    {
        var glance = Html("<p>一、总体要求</p><p>二、深化主动公开</p><p>上一篇：<a>某县2023年政府信息公开工作年度报告</a></p>");

        glance.Should().BeEquivalentTo(new { Title = true, SectionsBelowTitle = 0, MayBeReport = false });
    }

    [Test]
    public void ATitleThatGoesOnIsAboutAReport()
    {
        Html("<h1>《某县2023年政府信息公开工作年度报告》解读</h1><p>一、总体情况</p><p>二、主动公开政府信息情况</p>").Title.Should().BeFalse();
        Html("<div>首页 &gt; 政府信息公开年度报告</div><div>某县2023年政务公开工作要点</div>").Title.Should().BeFalse();
    }

    [Test]
    public void OnlyTheCellsOfDataTablesHaveTableLabels()
    {
        Html(Requests).Anchors.Should().Be(7);
        Html("<p>商业企业、科研机构、社会公益组织、法律服务机构、法人或其他组织依法申请的，予以公开。</p>").Anchors.Should().Be(0);

        // Inside a layout table the cells are the data table's; the layout table's own cells are paragraphs.
        Html($"<table><tr><td><p>商业企业、科研机构、社会公益组织、法律服务机构、法人或其他组织</p></td><td>{Requests}</td></tr></table>").Anchors.Should().Be(7);
        Html("<table><tr><td><p>商业企业、科研机构、社会公益组织、法律服务机构、法人或其他组织</p></td><td><table><tr><td>首页</td></tr></table></td></tr></table>")
            .Anchors.Should().Be(0);
    }

    [Test]
    public void ATableOpenedBetweenRowsClosesTheOneBeforeAsTheParserDoes()
    {
        // Not nested: the HTML parser closes the first table, and the second one is data.
        Html("<table><tr><td>首页</td></tr>" + Requests).Anchors.Should().Be(7);
    }

    [Test]
    public void PlainTextHasNoMarkup()
    {
        var glance = ReportMarkers.Look("某县2023年政府信息公开工作年度报告\n<b>一、总体情况\n二、主动公开政府信息情况\n商业企业\t科研机构", markup: false);

        glance.Should().BeEquivalentTo(new { Title = true, Sections = "一二", Anchors = 2 });
    }

    [Test]
    public void GbkPagesAreDecodedAsTheReaderDecodesThem()
    {
        var gbk = Encoding.GetEncoding("GB18030");
        var page = "<html><head><meta charset=\"gb2312\"></head><body>" + Title + "<p>一、总体情况</p><p>二、主动公开政府信息情况</p></body></html>";

        ReportMarkers.RejectBeforeReading(new HtmlReader(), gbk.GetBytes(page), out _).Should().BeNull();
        ReportMarkers.RejectBeforeReading(new HtmlReader(), gbk.GetBytes(page.Replace("<meta charset=\"gb2312\">", string.Empty)), out _).Should().BeNull();
    }

    [Test]
    public void AHugePageIsLeftToTheReaderRatherThanCopied()
    {
        var chrome = string.Concat(Enumerable.Repeat("<div class=\"menu\"><a href=\"/x\">导航链接</a></div>\n", 120_000));
        var page = Encoding.UTF8.GetBytes($"<html><body>{chrome}<p>招聘公告</p></body></html>");

        page.Length.Should().BeGreaterThan(4 * 1024 * 1024);
        ReportMarkers.RejectBeforeReading(new HtmlReader(), page, out _).Should().BeNull();
        ReportMarkers.RejectBeforeReading(new HtmlReader(), page[^4096..], out _).Should().NotBeNull("a small page gets the glance");
    }

    [Test]
    public void OnlyHtmlAndTextAreGlancedAt()
    {
        var ordinary = Encoding.UTF8.GetBytes("<html><body><p>招聘公告</p></body></html>");

        ReportMarkers.RejectBeforeReading(new HtmlReader(), ordinary, out _).Should().StartWith("not a disclosure annual report: ");
        ReportMarkers.RejectBeforeReading(new PlainTextReader(), ordinary, out _).Should().StartWith("not a disclosure annual report: ");
        ReportMarkers.RejectBeforeReading(new DocxReader(), ordinary, out _).Should().BeNull("a Word document's text is not its bytes");
        ReportMarkers.RejectBeforeReading(new PdfReader(), ordinary, out _).Should().BeNull();
        ReportMarkers.RejectBeforeReading(new HtmlReader(), [0, 1, 2, 3, 0xFF, 0xFE, 0], out _).Should().BeNull("binary content gets the reader's own error");
    }

    [Test]
    public void APageThatMayBeAReportIsReadFromTheGlancesTextAsFromItsBytes()
    {
        var gbk = Encoding.GetEncoding("GB18030");
        var page = "<html><head><meta charset=\"gb2312\"></head><body>" + Title
            + "<p>一、总体情况</p><p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>1</td></tr></table></body></html>";
        foreach (var (reader, bytes) in new (Disclosure.Parsing.Reading.IDocumentReader, byte[])[]
                 {
                     (new HtmlReader(), gbk.GetBytes(page)),
                     (new HtmlReader(), Encoding.UTF8.GetBytes(page.Replace("gb2312", "utf-8"))),
                     (new PlainTextReader(), Encoding.UTF8.GetBytes("某县2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n规章\t1\n")),
                 })
        {
            ReportMarkers.RejectBeforeReading(reader, bytes, out var decoded).Should().BeNull();
            decoded.Should().NotBeNull();

            var glanced = ReportMarkers.ReadGlanced(reader, decoded!, CancellationToken.None);

            Disclosure.Parsing.Tests.Reading.Html.LayoutDump.Of(glanced).Should().Be(Disclosure.Parsing.Tests.Reading.Html.LayoutDump.Of(reader.Read(bytes)));
        }
    }

    [Test]
    public void APageTurnedAwayLeavesNoText()
    {
        ReportMarkers.RejectBeforeReading(new HtmlReader(), Encoding.UTF8.GetBytes("<p>招聘公告</p>"), out var decoded).Should().NotBeNull();
        decoded.Should().BeNull();
    }
}
