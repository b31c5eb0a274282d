using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.Cells;
using Disclosure.Parsing.Rules.Sections;
using Disclosure.Parsing.Rules.Totals;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Rules;

[TestFixture]
public sealed class RequestsColumnTotalRuleTests
{
    [Test]
    public void FiresForTheColumnWhoseTotalIsWrong()
    {
        var finding = new RequestsColumnTotalRule().Check(TestReports.Consistent().Bumped("requests.total.nonprofit", 1))
            .Should().ContainSingle().Subject;

        finding.Cells.Should().HaveCount(22).And.StartWith("requests.total.nonprofit");
        finding.Actual.Should().Be(finding.Expected + 1);
    }

    [Test]
    public void UsesTheSingleOtherRowWhereItIsPrinted()
    {
        var report = TestReports.Consistent().Without(SyntheticReport.RequestColumns.SelectMany(static c => new[] { $"requests.other_no_correction.{c}", $"requests.other_unpaid_fee.{c}", $"requests.other_other.{c}" }).ToArray());
        var original = TestReports.Consistent();
        foreach (var c in SyntheticReport.RequestColumns)
        {
            var sum = new[] { "other_no_correction", "other_unpaid_fee", "other_other" }.Sum(r => original.Value($"requests.{r}.{c}")!.Value);
            report = report.With($"requests.other.{c}", sum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        new RequestsColumnTotalRule().Check(report).Should().BeEmpty();
        new RequestsColumnTotalRule().Check(report.Bumped("requests.other.natural_person", 1))
            .Should().ContainSingle().Which.Cells.Should().HaveCount(20).And.Contain("requests.other.natural_person");
    }

    [Test]
    public void SilentWhenColumnsAddUp() => new RequestsColumnTotalRule().Check(TestReports.Consistent()).Should().BeEmpty();
}
