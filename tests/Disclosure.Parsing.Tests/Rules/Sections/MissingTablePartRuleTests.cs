using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.Cells;
using Disclosure.Parsing.Rules.Sections;
using Disclosure.Parsing.Rules.Totals;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Rules;

[TestFixture]
public sealed class MissingTablePartRuleTests
{
    [Test]
    public void FiresWithTheCellsOfAMissingRow()
    {
        var report = TestReports.Consistent().Without(SyntheticReport.RequestColumns.Select(static c => $"requests.denied_inquiry.{c}").ToArray());

        var finding = new MissingTablePartRule().Check(report).Should().ContainSingle().Subject;

        finding.Section.Should().Be("三");
        finding.Cells.Should().HaveCount(7).And.Contain("requests.denied_inquiry.total");
        finding.Message.Should().Contain("8.属于行政查询事项");
    }

    [Test]
    public void ASingleOtherRowLeavesTheSubRowsMissingIn2021()
    {
        var report = TestReports.Consistent()
            .Without(SyntheticReport.RequestColumns.SelectMany(static c => new[] { $"requests.other_no_correction.{c}", $"requests.other_unpaid_fee.{c}", $"requests.other_other.{c}" }).ToArray());
        foreach (var c in SyntheticReport.RequestColumns)
        {
            report = report.With($"requests.other.{c}", "0");
        }

        var finding = new MissingTablePartRule().Check(report).Should().ContainSingle().Subject;

        finding.Cells.Should().HaveCount(21).And.NotContain(static k => k.StartsWith("requests.other."));
    }

    /// <summary>A 2021 report that kept the 2019 section 二 table: every 2019 section 二 cell and the 2021 section 三.</summary>
    private static Report Mixed()
    {
        var report = TestReports.Consistent().Without(SyntheticReport.ActiveKeys);
        foreach (var key in SyntheticReport.Active2019Keys)
        {
            report = report.With(key, "1");
        }

        return report with
        {
            Template = "2019",
            Tables = report.Tables.Select(static t => t with { Template = t.Name == "active" ? "2019" : "2021" }).ToList(),
        };
    }

    [Test]
    public void SilentForTablesOfTwoTemplatesEachComplete() => new MissingTablePartRule().Check(Mixed()).Should().BeEmpty(
        "the 2021 section 三 has （六） in three sub-rows and needs no 2019 single row");

    [Test]
    public void JudgesEachTableByItsOwnTemplate()
    {
        var report = Mixed().Without("active2019.procurement.count", "active2019.procurement.amount", "requests.other_other.total");

        var findings = new MissingTablePartRule().Check(report).ToList();

        findings.Should().HaveCount(2);
        findings.Single(static f => f.Section == "二").Cells.Should().BeEquivalentTo("active2019.procurement.count", "active2019.procurement.amount");
        findings.Single(static f => f.Section == "三").Cells.Should().Equal("requests.other_other.total");
    }

    [Test]
    public void SilentWhenEveryCellIsThere() => new MissingTablePartRule().Check(TestReports.Consistent()).Should().BeEmpty();

    [Test]
    public void SilentForATableThatIsMissingAltogether()
    {
        var report = TestReports.Consistent().Without(SyntheticReport.AppealBlocks.SelectMany(static b => new[] { "upheld", "corrected", "other", "pending", "total" }.Select(r => $"appeals.{b}.{r}")).ToArray());
        report = report with { Tables = report.Tables.Select(static t => t.Name == "appeals" ? t with { Found = false } : t).ToList() };

        new MissingTablePartRule().Check(report).Should().BeEmpty("SEC002 reports the missing table");
    }
}
