using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.Totals;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Rules;

/// <summary>
/// A sum that does not match its total may be wrong in any of its cells: the message says what the parts add up to and
/// what total was printed, not that the total "should be" the sum.
/// </summary>
[TestFixture]
public sealed class TotalsMessageTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        // Each identity broken twice: once in its total, once in one of its parts.
        yield return new TestCaseData(new RequestsRowTotalRule(), "requests.denied_inquiry.total").SetArgDisplayNames("SUM002 total");
        yield return new TestCaseData(new RequestsRowTotalRule(), "requests.denied_inquiry.natural_person").SetArgDisplayNames("SUM002 part");
        yield return new TestCaseData(new RequestsColumnTotalRule(), "requests.total.natural_person").SetArgDisplayNames("SUM003 total");
        yield return new TestCaseData(new RequestsColumnTotalRule(), "requests.granted.natural_person").SetArgDisplayNames("SUM003 part");
        yield return new TestCaseData(new AppealsBlockTotalRule(), "appeals.review.total").SetArgDisplayNames("SUM004 total");
        yield return new TestCaseData(new AppealsBlockTotalRule(), "appeals.review.upheld").SetArgDisplayNames("SUM004 part");
    }

    [TestCaseSource(nameof(Cases))]
    public void SaysTheSumOfThePartsAndTheTotalPrinted(IReportRule rule, string bumped)
    {
        var report = TestReports.Consistent().Bumped(bumped, 3);

        var finding = rule.Check(report).Should().ContainSingle().Subject;

        var total = report.Value(finding.Cells[0])!.Value;
        var parts = finding.Cells.Skip(1).Sum(k => report.Value(k)!.Value);
        finding.Expected.Should().Be(parts);
        finding.Actual.Should().Be(total);
        finding.Message.Should().Contain($"之和为 {CellNames.Number(parts)}").And.Contain($"填的是 {CellNames.Number(total)}").And.NotContain("应为", "any of the cells may be the wrong one");
    }
}
