using Disclosure.Parsing.Rules.Cells;
using Disclosure.Parsing.Rules.CrossYear;
using Disclosure.Parsing.Rules.Sections;
using Disclosure.Parsing.Rules.Text;
using Disclosure.Parsing.Rules.Totals;

namespace Disclosure.Parsing.Rules;

/// <summary>
/// The rule catalogue: the contract's core rules and the checks added since (SEC004, YEAR001, CELL004, CELL005, TEXT001, XYR001,
/// XYR002, and RULE001 for a rule that failed). IDs are stable;
/// new checks get new IDs.
/// </summary>
public static class RuleCatalog
{
    /// <summary>A fresh instance of every core rule, in catalogue order.</summary>
    public static IReadOnlyList<IReportRule> CoreRules() =>
    [
        new MissingSectionRule(),
        new MissingTableRule(),
        new MissingTablePartRule(),
        new SectionOrderRule(),
        new ReportYearRule(),
        new NonNumericCellRule(),
        new NegativeCellRule(),
        new FractionalCountRule(),
        new UnitRule(),
        new GluedCellsRule(),
        new RequestsBalanceRule(),
        new RequestsRowTotalRule(),
        new RequestsColumnTotalRule(),
        new AppealsBlockTotalRule(),
        new ProseTotalsRule(),
    ];

    /// <summary>A fresh instance of every rule across two years of one agency, in catalogue order.</summary>
    public static IReadOnlyList<IReportPairRule> PairRules() => [new CarriedOverRule(), new InForceRule()];

    /// <summary>The descriptors of every rule (one report, then pairs of reports), in catalogue order. Read-only.</summary>
    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } =
        Model.ValueList.Of(CoreRules().Select(static r => r.Descriptor).Concat(PairRules().Select(static r => r.Descriptor)).Append(RuleFailure.Rule));

    /// <summary>The descriptor with <paramref name="id"/> (any case), or null.</summary>
    public static RuleDescriptor? Find(string id) => Descriptors.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));
}
