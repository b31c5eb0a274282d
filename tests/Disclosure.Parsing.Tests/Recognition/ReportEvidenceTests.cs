using System.Text;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Reading.Html;
using Disclosure.Parsing.Reading.Text;
using Disclosure.Parsing.Recognition;

namespace Disclosure.Parsing.Tests.Recognition;

[TestFixture]
public sealed class ReportEvidenceTests
{
    private const string Title = "<h1>某县人民政府2023年政府信息公开工作年度报告</h1>";

    private static ReportEvidence FromHtml(string body)
    {
        var layout = new HtmlReader().Read(Encoding.UTF8.GetBytes($"<html><body>{body}</body></html>"));
        return ReportEvidence.Weigh(layout, ReportRecognizer.Recognize(layout));
    }

    private static ReportEvidence FromText(string text)
    {
        var layout = new PlainTextReader().Read(Encoding.UTF8.GetBytes(text));
        return ReportEvidence.Weigh(layout, ReportRecognizer.Recognize(layout));
    }

    private static string Table(params string[][] rows) =>
        "<table>" + string.Concat(rows.Select(static r => "<tr>" + string.Concat(r.Select(static c => $"<td>{c}</td>")) + "</tr>")) + "</table>";

    private static readonly string Appeals = Table(
        ["行政复议", "", "", "", "", "行政诉讼"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉"],
        ["1", "0", "0", "0", "1", "0"]);

    [Test]
    public void ATitleAboveTwoSectionsIsAReportWithoutAnyTable()
    {
        var evidence = FromHtml(Title + "<p>一、总体情况</p><p>本年度……</p><p>二、主动公开政府信息情况</p>");

        evidence.IsReport.Should().BeTrue();
        evidence.Title.Should().Be("某县人民政府2023年政府信息公开工作年度报告");
        evidence.Sections.Should().Equal("一", "二");
    }

    [Test]
    public void ATitleAboveOneSectionIsNot()
    {
        var evidence = FromHtml(Title + "<p>一、总体情况</p>");

        evidence.IsReport.Should().BeFalse();
        evidence.Missing.Should().Contain("section 一").And.Contain("2 sections are needed");
    }

    [Test]
    public void SectionsWithoutATitleOrTableAreAnybodys()
    {
        // A 政务公开工作要点 uses the report's words for its own headings.
        var evidence = FromHtml("<h1>某县2024年政务公开工作要点</h1><p>一、总体要求</p><p>二、深化主动公开</p><p>三、规范依申请公开</p><p>四、做好行政复议、行政诉讼应诉工作</p>");

        evidence.IsReport.Should().BeFalse();
        evidence.Sections.Should().Equal("一", "二", "三", "四");
        evidence.Missing.Should().Contain("no report title").And.Contain("no statistical table");
    }

    [Test]
    public void AReportTitleBelowTheHeadingsIsALinkNotThePagesTitle()
    {
        var evidence = FromHtml("<p>一、总体要求</p><p>二、深化主动公开</p><p>上一篇：</p><p>某县2023年政府信息公开工作年度报告</p>");

        evidence.Title.Should().BeNull();
        evidence.IsReport.Should().BeFalse();
    }

    [Test]
    public void ThePagesOwnTitleCountsWhereverItIs()
    {
        var layout = new HtmlReader().Read(Encoding.UTF8.GetBytes(
            "<html><head><title>某县2023年政府信息公开工作年度报告_某县人民政府</title></head><body><p>一、总体情况</p><p>三、收到和处理政府信息公开申请情况</p></body></html>"));

        ReportEvidence.Weigh(layout, ReportRecognizer.Recognize(layout)).IsReport.Should().BeTrue();
    }

    [Test]
    public void OneOfTheTemplatesTablesIsAReportWithoutTitleOrHeadings()
    {
        var evidence = FromHtml(Appeals);

        evidence.IsReport.Should().BeTrue();
        evidence.Tables.Single(static t => t.Template.Name == "appeals").Should().BeEquivalentTo(new { Labels = 6, Anchors = 7 });
    }

    [Test]
    public void ATableOfTheReportsRowWordsIsNotItsTable()
    {
        // A credit-information table counts 行政许可 and 行政处罚 under 本年处理决定数量, as section 二 does, and no more.
        var evidence = FromHtml("<h1>某局2023年行政许可和行政处罚等信用信息公示情况</h1>" + Table(
            ["类别", "本年处理决定数量", "公示数量"], ["行政许可", "12", "12"], ["行政处罚", "3", "3"], ["行政强制", "1", "1"], ["合计", "16", "16"]));

        evidence.IsReport.Should().BeFalse();
        evidence.Missing.Should().Contain("section 二's");
    }

    [Test]
    public void AWorkSummarysHeadingAndStatisticsTableAreNot()
    {
        var evidence = FromHtml("<h1>某县2023年工作总结</h1><p>一、总体情况</p>" + Table(
            ["指标", "单位", "2023年", "2022年"], ["地区生产总值", "亿元", "120", "110"], ["其他", "件", "3", "2"], ["合计", "", "", ""]));

        evidence.IsReport.Should().BeFalse();
    }

    [Test]
    public void ATextCopyWithoutItsTitleIsAReportByItsTables()
    {
        var text = string.Join('\n',
            "一、总体情况", "本年度……",
            "四、政府信息公开行政复议、行政诉讼情况",
            "行政复议\t行政诉讼",
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉",
            "1\t0\t0\t0\t1\t0\t0");

        FromText(text).IsReport.Should().BeTrue();
    }

    [TestCase("某县人民政府2023年政府信息公开工作年度报告")]
    [TestCase("2023年某县政府信息公开工作年度报告")]
    [TestCase("某县2023年度政府信息公开年报")]
    [TestCase("某县政府信息公开工作年度报告（2023年度）")]
    [TestCase("某县2023年政府信息公开工作年度报告-某县门户网站")]
    [TestCase("某县2023年政府信息公开工作年度报告 2024-01-20")]
    [TestCase("标题:某县2023年政府信息公开工作年度报告(全文)")]
    public void ReadsAsAReportsTitle(string line) =>
        ReportRecognizer.IsReportTitle(LabelText.Fold(line)).Should().BeTrue();

    [TestCase("政府信息公开年度报告")]
    [TestCase("《某县2023年政府信息公开工作年度报告》解读")]
    [TestCase("关于某县2023年政府信息公开工作年度报告的解读")]
    [TestCase("某县召开2023年政府信息公开工作年度报告编制培训会")]
    [TestCase("某县2023年政务公开工作要点")]
    public void DoesNotReadAsAReportsTitle(string line) =>
        ReportRecognizer.IsReportTitle(LabelText.Fold(line)).Should().BeFalse();

    [Test]
    public void APageThatIsNotAReportSaysWhatWasMissing()
    {
        var result = DisclosurePipeline.Default.Audit(Encoding.UTF8.GetBytes(
            "<html><body><p>一、总体情况</p><p>二、主动公开政府信息情况</p></body></html>"), "headings.html");

        result.ErrorKind.Should().Be(FailureKind.NotAReport);
        result.Error.Should().StartWith("not a disclosure annual report: ").And.Contain("no report title").And.Contain("一, 二");
    }
}
