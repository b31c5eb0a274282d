using Disclosure.Parsing.Rules.Sections;

namespace Disclosure.Parsing.Tests.Rules.Sections;

[TestFixture]
public sealed class ReportYearRuleTests
{
    [Test]
    public void FiresWhenThePeriodIsLastYears()
    {
        var report = TestReports.Consistent() with { Year = 2024 };
        report = report with { PeriodYear = 2023, OpeningYear = 2024 };

        var finding = new ReportYearRule().Check(report).Should().ContainSingle().Subject;

        finding.Message.Should().Contain("标题为 2024 年").And.Contain("统计期限为 2023 年");
    }

    [Test]
    public void SilentWhenTheYearsAgreeOrAreNotStated()
    {
        new ReportYearRule().Check(TestReports.Consistent() with { Year = 2024, PeriodYear = 2024, OpeningYear = 2024 }).Should().BeEmpty();
        new ReportYearRule().Check(TestReports.Consistent() with { Year = 2024, PeriodYear = null, OpeningYear = null }).Should().BeEmpty();
    }

    [Test]
    public void TheRecogniserReadsThePeriodAndTheOpeningYear()
    {
        var text = "某县人民政府2024年政府信息公开工作年度报告\n本报告所列数据统计期限自2023年1月1日至2023年12月31日。\n一、总体情况\n2024年，我县认真贯彻落实条例。\n";
        var report = DisclosurePipeline.Default.Recognize(new Disclosure.Parsing.Reading.Text.PlainTextReader().Read(System.Text.Encoding.UTF8.GetBytes(text)));

        (report.Year, report.PeriodYear, report.OpeningYear).Should().Be((2024, 2023, 2024));
    }
}
