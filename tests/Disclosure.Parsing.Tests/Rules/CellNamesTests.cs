using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Rules;

/// <summary>
/// Issue 13, point 7: the lists the rules walk come from the catalogue, not a second copy of the template. Checked against
/// the fixtures' own lists (written independently) and against every cell of the catalogue, so that a row or column the
/// derivation dropped, or one added to cells.tsv that no rule would check, fails here.
/// </summary>
[TestFixture]
public sealed class CellNamesTests
{
    [Test]
    public void TheDerivedListsAreTheTemplatesInItsOrder()
    {
        CellNames.RequestColumns.Should().Equal(SyntheticReport.RequestColumns);
        CellNames.ApplicantColumns.Should().Equal(SyntheticReport.ApplicantColumns);
        CellNames.OutcomeRows.Should().Equal(SyntheticReport.OutcomeRows);
        CellNames.OtherSubRows.Should().Equal("other_no_correction", "other_unpaid_fee", "other_other");
        CellNames.AppealBlocks.Should().Equal(SyntheticReport.AppealBlocks);
        CellNames.AppealResults.Should().Equal(SyntheticReport.AppealResults);
    }

    [Test]
    public void EverySectionThreeAndFourCellOfTheCatalogueIsInARowAndColumnTheRulesCheck()
    {
        // The rows outside the outcomes, named by the rules themselves (RequestsRowTotalRule, RequestsBalanceRule).
        string[] flows = ["new", "carried_over", "total", "carried_forward"];
        foreach (var cell in CellCatalog.All.Where(static c => c.Table == "requests"))
        {
            CellNames.RequestColumns.Should().Contain(cell.Column, cell.Key);
            if (cell.In("2021"))
            {
                flows.Concat(CellNames.OutcomeRows).Should().Contain(cell.Row, "a 2021 row of {0} is checked", cell.Key);
            }
            else
            {
                cell.RowPath.Should().Equal(["三、本年度办理结果", "（六）其他处理"], "the one 2019-only row is （六） printed as one row, standing in for {0}", string.Join(", ", CellNames.OtherSubRows));
            }
        }

        foreach (var cell in CellCatalog.All.Where(static c => c.Table == "appeals"))
        {
            CellNames.AppealBlocks.Should().Contain(cell.Row, cell.Key);
            CellNames.AppealResults.Append("total").Should().Contain(cell.Column, cell.Key);
        }

        CellNames.ApplicantColumns.Should().HaveCount(Enum.GetValues<Applicant>().Length - 1, "every column but 总计 adds up to it");
        CellNames.AppealResults.Should().HaveCount(Enum.GetValues<AppealResult>().Length - 1, "every result but 总计 adds up to it");
    }

    [Test]
    public void BlockNamesAreTheLabelsTheMessagesAlwaysPrinted()
    {
        // SUM004 messages name the block as they did when the names were written out by hand: byte for byte.
        CellNames.AppealBlocks.Select(CellNames.Block).Should().Equal("行政复议", "行政诉讼 未经复议直接起诉", "行政诉讼 复议后起诉");
    }
}
