using System.Text.RegularExpressions;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Cells;

/// <summary>CELL004: a cell prints a unit that contradicts its column (元 in the 万元 column, 万元 in a count).</summary>
internal sealed partial class UnitRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "CELL004", "Cells", "A cell's unit contradicts its column", Severity.Warning,
        "本年收费金额 is in 万元 (ten thousand yuan): a figure printed in 元 is 10,000 times too large there. Counts are numbers " +
        "of documents, decisions, requests and cases, not money. Convert the figure to the column's unit and print it bare.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report)
    {
        foreach (var cell in report.Cells.Values)
        {
            var unit = UnitPattern().Match(cell.Text);
            if (!unit.Success || CellCatalog.Find(cell.Key) is not { } def)
            {
                continue;
            }

            var printed = unit.Groups[1].Value;
            var moneyColumn = def.ColumnPath.Any(static p => p.Contains("万元", StringComparison.Ordinal));
            var contradicts = moneyColumn
                ? printed != "万元"
                : def.Kind == CellKind.Count && printed.EndsWith('元');
            if (contradicts)
            {
                yield return new Finding(Rule.Id, Rule.DefaultSeverity, def.Section, [cell.Key], null, null,
                    $"{CellNames.Describe(cell.Key)}填写为“{cell.Text}”，单位“{printed}”与该列（{(moneyColumn ? "万元" : "件数")}）不符");
            }
        }
    }

    // A number followed by a unit: 3940元, 12.5 万元, 7件. Matched from the end: left to right, a long run of digits and
    // spaces without a unit after it is rescanned from each of its digits (a damaged cell of a million took minutes).
    [GeneratedRegex(@"[0-9０-９][0-9０-９,，.．\s]*(万元|千元|元|件|个|项|次|条)\s*$", RegexOptions.RightToLeft)]
    private static partial Regex UnitPattern();
}
