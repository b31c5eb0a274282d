using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules.Cells;

namespace Disclosure.Parsing.Tests.Rules;

[TestFixture]
public sealed class GluedCellsRuleTests
{
    private static readonly string[] Keys = ["active.normative_documents.issued", "active.normative_documents.repealed", "active.normative_documents.in_force"];

    private static Report Glued(IReadOnlyList<IReadOnlyList<decimal>> splits, int? count)
    {
        var report = TestReports.Consistent();
        foreach (var key in Keys)
        {
            report = report.With(key, "77132470");
        }

        var cells = report.Cells.ToDictionary(static kv => kv.Key, static kv => kv.Key.StartsWith("active.normative", StringComparison.Ordinal) ? kv.Value with { Value = null } : kv.Value);
        return report with { Cells = cells, GluedRows = [new GluedRow("二", Keys, "77132470", splits, count, "line 10, table 1, row 3")] };
    }

    [Test]
    public void FiresForAGluedRowThatSplitsSeveralWaysAndNamesItsCellsAndSplits()
    {
        var finding = new GluedCellsRule().Check(Glued([[77, 132, 470], [7, 71, 32470]], 2)).Should().ContainSingle().Subject;

        finding.RuleId.Should().Be("CELL005");
        finding.Severity.Should().Be(Severity.Error);
        finding.Section.Should().Be("二");
        finding.Cells.Should().Equal(Keys);
        finding.Message.Should().Contain("77132470").And.Contain("77 / 132 / 470").And.Contain("7 / 71 / 32470");
    }

    [Test]
    public void FiresForAGluedRowThatSplitsInNoWay() =>
        new GluedCellsRule().Check(Glued([], 0)).Should().ContainSingle().Which.Message.Should().Contain("无法拆成 3 个");

    [Test]
    public void SilentWhenEveryRowWasSplit() => new GluedCellsRule().Check(TestReports.Consistent()).Should().BeEmpty();

    [Test]
    public void TheOpenCellsAreNotAlsoCalledBlank() =>
        new NonNumericCellRule().Check(Glued([[77, 132, 470], [7, 71, 32470]], 2)).Should().BeEmpty();
}
