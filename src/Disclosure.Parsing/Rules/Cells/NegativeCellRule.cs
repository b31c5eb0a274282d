using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Cells;

/// <summary>
/// CELL002: a number is negative where only signed cells (本年增/减) may be. One finding per table row: a
/// negative 总计 that follows from a negative part is the same defect, so both are named together.
/// </summary>
internal sealed class NegativeCellRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "CELL002", "Cells", "A number is negative", Severity.Error,
        "Counts and amounts cannot be negative; only the 本年增/减 cells of the 2019 format may be. Correct the number.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report) =>
        report.Cells.Values
            .Where(static c => c.Value < 0 && CellCatalog.Find(c.Key)?.Kind != CellKind.Signed)
            .GroupBy(static c => RowOf(c.Key))
            .Select(static row =>
            {
                var cells = row.ToList();
                var first = cells[0].Key;
                var names = string.Join("、", cells.Select(static c => $"“{CellNames.Column(c.Key)}”列 {CellNames.Number(c.Value!.Value)}"));
                var where = CellCatalog.Find(first)?.Table == "appeals" ? CellNames.Describe(first) : $"第{CellCatalog.Find(first)?.Section}部分“{CellNames.Row(first)}”行";
                return new Finding(Rule.Id, Rule.DefaultSeverity, CellCatalog.Find(first)?.Section, cells.Select(static c => c.Key).ToList(),
                    null, cells[0].Value, $"{where}{names}为负数，件数和金额不能为负");
            });

    // table.row: the cells of one printed row (or one section 四 block) share it.
    private static string RowOf(string key) => key[..key.LastIndexOf('.')];
}
