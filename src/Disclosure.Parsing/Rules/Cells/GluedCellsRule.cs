using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Cells;

/// <summary>
/// CELL005: text whose table cells are glued together (a crawler's copy) splits in more than one way that every rule
/// allows, or in none: the row's cells have no value, and the finding lists the splits.
/// </summary>
internal sealed class GluedCellsRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "CELL005", "Cells", "Glued table cells split in more than one way", Severity.Error,
        "The document's table cells are printed with nothing between them (a crawler kept the page as running text), " +
        "and the digits of this row split into its cells in more than one way that the digit rules (no leading zero, " +
        "decimals only in amounts) and the table's totals allow, or in none (a blank cell vanishes from glued text). " +
        "The row's cells are left without a value rather than guessed. Read the numbers from the original page.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report) =>
        report.GluedRows.Select(static g => new Finding(Rule.Id, Rule.DefaultSeverity, g.Section, g.Cells, null, null, Message(g)));

    private static string Message(GluedRow g)
    {
        var where = g.Section == "四"
            ? $"第四部分“{string.Join(" ", CellCatalog.Find(g.Cells[0])?.RowPath ?? [g.Cells[0]])}”"
            : $"第{g.Section}部分“{CellNames.Row(g.Cells[0])}”行";
        var splits = string.Join("；", g.Splits.Select(static s => string.Join(" / ", s.Select(CellNames.Number))));
        return g.SplitCount switch
        {
            0 => $"{where}的数字连在一起印作“{g.Text}”，无法拆成 {g.Cells.Count} 个符合规则的数（可能有空白单元格，或合计不符）",
            null => $"{where}的数字连在一起印作“{g.Text}”，可能的拆法太多，无法确定{(splits.Length > 0 ? "，例如 " + splits : string.Empty)}",
            var n => $"{where}的数字连在一起印作“{g.Text}”，有 {n} 种拆法都符合规则，无法确定：{splits}{(n > g.Splits.Count ? " …" : string.Empty)}",
        };
    }
}
