using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Cells;

/// <summary>CELL003: a count has a fractional part; only amount cells may be decimal.</summary>
internal sealed class FractionalCountRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "CELL003", "Cells", "A count has a fractional part", Severity.Error,
        "Counts of documents, decisions, requests and cases are whole numbers; only 收费金额 (万元) may be decimal. Correct the number.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report) =>
        report.Cells.Values
            .Where(static c => c.Value is { } v && v != decimal.Truncate(v) && CellCatalog.Find(c.Key)?.Kind != CellKind.Amount)
            .Select(static c => new Finding(Rule.Id, Rule.DefaultSeverity, CellCatalog.Find(c.Key)?.Section, [c.Key], null, c.Value,
                $"{CellNames.Describe(c.Key)}为 {CellNames.Number(c.Value!.Value)}，件数应为整数"));
}
