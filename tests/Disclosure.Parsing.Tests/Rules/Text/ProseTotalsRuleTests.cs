using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules.Text;

namespace Disclosure.Parsing.Tests.Rules.Text;

[TestFixture]
public sealed class ProseTotalsRuleTests
{
    private static Report WithProse(Report report, params string[] paragraphs) =>
        report with { Prose = paragraphs.Select((p, i) => new ReportProse("一", p, $"line {i + 1}")).ToList() };

    [Test]
    public void FiresWhenTheProseStatesAnotherTotal()
    {
        var report = TestReports.Consistent().With("requests.new.total", "26").With("appeals.review.total", "3");

        var findings = new ProseTotalsRule().Check(WithProse(report,
            "2023年度我局共收到依申请信息公开", "27件，均按时答复。",
            "全年发生政府信息公开行政复议 4 件。")).ToList();

        findings.Should().HaveCount(2);
        findings[0].Cells.Should().Equal("requests.new.total");
        (findings[0].Expected, findings[0].Actual).Should().Be((26m, 27m));
        findings[1].Cells.Should().Equal("appeals.review.total");
    }

    [Test]
    public void AddsBothKindsOfLawsuit()
    {
        var report = TestReports.Consistent().With("appeals.litigation_direct.total", "2").With("appeals.litigation_after_review.total", "3");

        new ProseTotalsRule().Check(WithProse(report, "全年因政府信息公开被提起行政诉讼 5 件。")).Should().BeEmpty();
        new ProseTotalsRule().Check(WithProse(report, "全年因政府信息公开被提起行政诉讼 6 件。")).Should().ContainSingle();
    }

    [TestCase("2024年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件）。")]
    [TestCase("其中，市教育局受理政府信息公开申请 12 件。")]
    [TestCase("依申请公开占比 30%，受理政府信息公开申请 12 件。")]
    [TestCase("全年受理各类咨询 999 件。")]
    public void SilentForSharesListsAndOtherQuantities(string sentence) =>
        new ProseTotalsRule().Check(WithProse(TestReports.Consistent().With("requests.new.total", "26"), sentence)).Should().BeEmpty();

    [TestCase("2023年共收到政府信息公开申请0条。", "条")]
    [TestCase("全年共收到政府信息公开申请 0 个。", "个")]
    [TestCase("本年度共受理政府信息公开申请0项。", "项")]
    [TestCase("全年新收政府信息公开申请0宗。", "宗")]
    [TestCase("本年度共收到政府信息公开申请0次。", "次")]
    [TestCase("全年受理政府信息公开申请 0 起。", "起")]
    public void UnderstandsTheMeasureWordsReportsCountIn(string sentence, string unit)
    {
        var findings = new ProseTotalsRule().Check(WithProse(TestReports.Consistent().With("requests.new.total", "3"), sentence)).ToList();

        findings.Should().ContainSingle();
        findings[0].Cells.Should().Equal("requests.new.total");
        (findings[0].Expected, findings[0].Actual).Should().Be((3m, 0m));
        findings[0].Message.Should().Contain($"0 {unit}");
    }

    [TestCase("2023年共收到政府信息公开申请3条。")]
    [TestCase("全年共收到政府信息公开申请 3 个。")]
    [TestCase("本年度共受理政府信息公开申请3项。")]
    [TestCase("全年新收政府信息公开申请3宗。")]
    [TestCase("本年度共收到政府信息公开申请3次。")]
    public void SilentWhenAnyMeasureWordAgrees(string sentence) =>
        new ProseTotalsRule().Check(WithProse(TestReports.Consistent().With("requests.new.total", "3"), sentence)).Should().BeEmpty();

    [Test]
    public void ATimeLimitOrAnArticleIsNotTheStatedTotal()
    {
        var report = TestReports.Consistent().With("requests.new.total", "3").With("requests.total.total", "3");

        var findings = new ProseTotalsRule().Check(WithProse(report,
            "2023年12月31日前共收到政府信息公开申请0条，均在20个工作日内依照《条例》第33条答复完毕。")).ToList();

        findings.Should().ContainSingle();
        (findings[0].Expected, findings[0].Actual).Should().Be((3m, 0m));
    }

    [TestCase("政府信息公开申请的答复期限为15个工作日。")]
    [TestCase("依申请公开答复时限压缩至 10 个工作日。")]
    [TestCase("全年通过政府信息公开专栏答复网民咨询 120 次。")]
    [TestCase("受理政府信息公开申请涉及 5 个部门。")]
    [TestCase("政府信息公开网站累计访问 3 次。")]
    public void SilentForTimeLimitsAndOtherCounts(string sentence) =>
        new ProseTotalsRule().Check(WithProse(TestReports.Consistent().With("requests.new.total", "3").With("requests.total.total", "7"), sentence))
            .Should().BeEmpty();
}
