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
