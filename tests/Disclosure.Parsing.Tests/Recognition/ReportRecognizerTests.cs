using System.Text;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Reading.Html;
using Disclosure.Parsing.Reading.Text;
using Disclosure.Parsing.Recognition;

namespace Disclosure.Parsing.Tests.Recognition;

[TestFixture]
public sealed class ReportRecognizerTests
{
    private static Report FromHtml(string body) =>
        ReportRecognizer.Recognize(new HtmlReader().Read(Encoding.UTF8.GetBytes($"<html><body>{body}</body></html>")));

    private static Report FromText(string text) => ReportRecognizer.Recognize(new PlainTextReader().Read(Encoding.UTF8.GetBytes(text)));

    [Test]
    public void FindsSectionsByNumberAndMeaningNotBySubHeadings()
    {
        var report = FromText(string.Join('\n',
            "某县人民政府2023年政府信息公开工作年度报告",
            "一、总体情况",
            "（一）主动公开情况。全年主动公开信息。",
            "（二）依申请公开情况。",
            "二、行政机关主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "五、政府信息公开工作存在的主要问题及改进情况",
            "六、其他需要报告事项"));

        report.Sections.Select(static s => s.Found).Should().AllBeEquivalentTo(true);
        report.Section("二").Title.Should().Be("二、行政机关主动公开政府信息情况");
        report.Section("四").Location.Should().Be("line 7");
    }

    [Test]
    public void ANumberWithTheWrongMeaningIsNotASection()
    {
        var report = FromText("一、总体情况\n二、收到和处理政府信息公开申请情况\n一、是加强组织领导，二是强化制度建设，三是加强工作部署，将政务公开纳入年度绩效考核，狠抓职责任务落实并定期通报。\n");

        report.Section("二").Found.Should().BeFalse();
        report.Section("一").Location.Should().Be("line 1");
    }

    [Test]
    public void MapsColumnsByTheirHeadersNotTheirPositions()
    {
        // 总计 printed first and 自然人 last: the keys must follow the headers.
        var report = FromHtml(
            "<p>三、收到和处理政府信息公开申请情况</p><table>" +
            "<tr><td colspan=3 rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>" +
            "<tr><td rowspan=2>总计</td><td colspan=5>法人或其他组织</td><td rowspan=2>自然人</td></tr>" +
            "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>" +
            "<tr><td colspan=3>一、本年新收政府信息公开申请数量</td><td>10</td><td>1</td><td>2</td><td>0</td><td>0</td><td>0</td><td>7</td></tr>" +
            "</table>");

        report.Value("requests.new.total").Should().Be(10);
        report.Value("requests.new.natural_person").Should().Be(7);
        report.Value("requests.new.research").Should().Be(2);
        report.Cell("requests.new.natural_person")!.Location.Should().Be("table 1, row 4, col 10");
    }

    [Test]
    public void MapsRowsByTheirLabelsWhateverTheirOrder()
    {
        var report = FromText(string.Join('\n',
            "二、主动公开政府信息情况",
            "信息内容\t本年处理决定数量",
            "行政强制\t3",
            "行政处罚\t2",
            "行政许可\t1"));

        report.Value("active.licensing.decisions").Should().Be(1);
        report.Value("active.punishment.decisions").Should().Be(2);
        report.Value("active.coercion.decisions").Should().Be(3);
    }

    [Test]
    public void KeepsThePrintedTextAndNullsWhatIsNotANumber()
    {
        var report = FromText("二、主动公开政府信息情况\n信息内容\t本年处理决定数量\n行政许可\t１,３３１\n行政处罚\t无\n");

        report.Cell("active.licensing.decisions").Should().BeEquivalentTo(new { Value = 1331m, Text = "１,３３１" });
        report.Cell("active.punishment.decisions").Should().BeEquivalentTo(new { Value = (decimal?)null, Text = "无" });
    }

    [Test]
    public void Recognises2019SectionTwoColumns()
    {
        var report = FromText(string.Join('\n',
            "二、主动公开政府信息情况",
            "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
            "规章\t1\t2\t3",
            "规范性文件\t4\t5\t6",
            "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
            "行政许可\t10\t-2\t300"));

        report.Template.Should().Be("2019");
        report.Value("active2019.normative_documents.total_published").Should().Be(6);
        report.Value("active2019.licensing.change").Should().Be(-2);
        report.Value("active2019.licensing.decisions").Should().Be(300);
    }

    [Test]
    public void Reads2019ReportsWithASingleOtherRow()
    {
        string Row(string label, int v) => $"<tr><td colspan=2>{label}</td>{string.Concat(Enumerable.Repeat($"<td>{v}</td>", 6))}<td>{6 * v}</td></tr>";
        var report = FromHtml(
            "<p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>" +
            "<tr><td>规章</td><td>1</td><td>1</td><td>9</td></tr></table>" +
            "<p>三、收到和处理政府信息公开申请情况</p><table>" +
            "<tr><td colspan=2 rowspan=2></td><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>" +
            "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>" +
            Row("（五）不予处理 5.要求行政机关确认或重新出具已获取信息", 1) + Row("（六）其他处理", 2) + Row("（七）总计", 3) + "</table>");

        report.Template.Should().Be("2019");
        report.TemplateOf("requests").Should().Be("2019", "beside a 2019 section 二, the single （六） row is the 2019 table");
        report.Value("active2019.regulations.total_published").Should().Be(9);
        report.Value("requests.other.natural_person").Should().Be(2);
        report.Value("requests.other.total").Should().Be(12);
        report.Cells.Keys.Should().NotContain(static k => k.StartsWith("requests.other_", StringComparison.Ordinal));
        report.Value("requests.not_processed_reconfirm.total").Should().Be(6);
    }

    [Test]
    public void DecidesTheTemplateTableByTable()
    {
        // A 2021 report that kept the 2019 section 二 table beside the 2021 section 三 (（六） in three sub-rows).
        string Row(string label, int v) => $"<tr><td colspan=2>{label}</td>{string.Concat(Enumerable.Repeat($"<td>{v}</td>", 6))}<td>{6 * v}</td></tr>";
        var report = FromHtml(
            "<p>二、主动公开政府信息情况</p><table>" +
            "<tr><td colspan=4>第二十条第（五）项</td></tr><tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>" +
            "<tr><td>行政许可</td><td>10</td><td>-2</td><td>300</td></tr><tr><td>其他对外管理服务事项</td><td>4</td><td>0</td><td>12</td></tr>" +
            "<tr><td colspan=4>第二十条第（九）项</td></tr><tr><td>信息内容</td><td>采购项目数量</td><td colspan=2>采购总金额</td></tr>" +
            "<tr><td>政府集中采购</td><td>3</td><td colspan=2>120.5</td></tr></table>" +
            "<p>三、收到和处理政府信息公开申请情况</p><table>" +
            "<tr><td colspan=2 rowspan=2></td><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>" +
            "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>" +
            Row("（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 1) +
            Row("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 0) + Row("3.其他", 2) + Row("（七）总计", 3) + "</table>");

        report.TemplateOf("active").Should().Be("2019");
        report.TemplateOf("requests").Should().Be("2021");
        report.Tables.Single(static t => t.Name == "appeals").Template.Should().BeNull("section 四 has no table here");
        report.Value("active2019.other_services.decisions").Should().Be(12);
        report.Value("active2019.procurement.amount").Should().Be(120.5m);
        report.Value("requests.other_other.total").Should().Be(12);
        report.Cells.Keys.Should().NotContain(static k => k.StartsWith("requests.other.", StringComparison.Ordinal));
    }

    [Test]
    public void ASingleOtherRowFollowsTheSectionTwoTemplate()
    {
        string Row(string label, int v) => $"<tr><td colspan=2>{label}</td>{string.Concat(Enumerable.Repeat($"<td>{v}</td>", 6))}<td>{6 * v}</td></tr>";
        const string Requests = "<p>三、收到和处理政府信息公开申请情况</p><table>" +
            "<tr><td colspan=2 rowspan=2></td><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>" +
            "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>";
        var with2021 = FromHtml("<p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>3</td></tr></table>" +
            Requests + Row("（六）其他处理", 2) + Row("（七）总计", 3) + "</table>");

        with2021.TemplateOf("requests").Should().Be("2021", "in a 2021 report a single （六） row leaves its sub-rows missing (SEC003)");
        with2021.Template.Should().Be("2021");
    }

    [TestCase("临河区人民政府办公室2022年政府信息公开工作年度报告", "临河区人民政府办公室", 2022)]
    [TestCase("标题：沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局", "沭阳县发展和改革局", 2023)]
    [TestCase("关于江北市教育局２０２４年度政府信息公开工作年度报告", "江北市教育局", 2024)]
    public void ReadsAgencyAndYearFromTheTitle(string title, string agency, int year)
    {
        var report = FromText($"{title}\n一、总体情况\n");

        report.Agency.Should().Be(agency);
        report.Year.Should().Be(year);
    }

    [Test]
    public void TheAgencyMayStandOnTheLineAboveTheTitle()
    {
        var report = FromText("\t保定市徐水区遂城镇人民政府\n2024年度政府信息公开工作年度报告\n一、总体情况\n");

        report.Agency.Should().Be("保定市徐水区遂城镇人民政府");
        report.Year.Should().Be(2024);
    }
}
