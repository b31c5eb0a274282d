using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Cells;

/// <summary>CELL001: a cell is blank or not a number (无, —, /, 0件, text). Cells of a glued row left open are CELL005's.</summary>
internal sealed class NonNumericCellRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "CELL001", "Cells", "A cell is blank or not a number", Severity.Error,
        "Every cell of the statistical tables holds a number; where nothing happened the format asks for 0. " +
        "Replace blanks, 无, —, / and numbers with units (0件) by the bare number.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report) =>
        report.Cells.Values.Where(c => c.Value is null && !report.GluedRows.Any(g => g.Cells.Contains(c.Key))).Select(static c => new Finding(
            Rule.Id, Rule.DefaultSeverity, CellCatalog.Find(c.Key)?.Section, [c.Key], null, null,
            c.Text.Length == 0
                ? $"{CellNames.Describe(c.Key)}为空，应填写数字（没有发生的填 0）"
                : $"{CellNames.Describe(c.Key)}填写为“{c.Text}”，不是数字"));
}
