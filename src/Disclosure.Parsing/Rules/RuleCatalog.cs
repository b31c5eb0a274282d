using Disclosure.Parsing.Rules.Cells;
using Disclosure.Parsing.Rules.Sections;
using Disclosure.Parsing.Rules.Totals;

namespace Disclosure.Parsing.Rules;

/// <summary>The core rule catalogue (see the contract's rule table). IDs are stable; new checks get new IDs.</summary>
public static class RuleCatalog
{
    /// <summary>A fresh instance of every core rule, in catalogue order.</summary>
    public static IReadOnlyList<IReportRule> CoreRules() =>
    [
        new MissingSectionRule(),
        new MissingTableRule(),
        new MissingTablePartRule(),
        new NonNumericCellRule(),
        new NegativeCellRule(),
        new FractionalCountRule(),
        new RequestsBalanceRule(),
        new RequestsRowTotalRule(),
        new RequestsColumnTotalRule(),
        new AppealsBlockTotalRule(),
    ];

    /// <summary>The descriptors of the core rules, in catalogue order.</summary>
    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = CoreRules().Select(static r => r.Descriptor).ToList();
}
