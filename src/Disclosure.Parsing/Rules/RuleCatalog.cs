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

    /// <summary>
    /// Reads audit options from a JSON rules file: <c>{"severity": {"SUM002": "warning"}, "disable": ["TEXT001"]}</c>.
    /// </summary>
    /// <exception cref="FormatException">The file names an unknown rule or severity, or is not such JSON.</exception>
    public static AuditOptions ReadOptions(string json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            var severities = new Dictionary<string, Model.Severity>(StringComparer.OrdinalIgnoreCase);
            var disabled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (doc.RootElement.TryGetProperty("severity", out var sev))
            {
                foreach (var p in sev.EnumerateObject())
                {
                    severities[KnownId(p.Name)] = ParseSeverity(p.Value.GetString() ?? string.Empty);
                }
            }

            if (doc.RootElement.TryGetProperty("disable", out var off))
            {
                foreach (var id in off.EnumerateArray())
                {
                    disabled.Add(KnownId(id.GetString() ?? string.Empty));
                }
            }

            return new AuditOptions { SeverityOverrides = severities, DisabledRules = disabled };
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"not a rules file: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"not a rules file: {e.Message}", e);
        }
    }

    /// <summary>The canonical ID of a known rule; a typo must not silently switch nothing off.</summary>
    internal static string KnownId(string id) => Find(id)?.Id ?? throw new FormatException($"unknown rule '{id}' (see 'disclosure rules')");

    /// <summary>Parses <c>error</c>, <c>warning</c> or <c>note</c>.</summary>
    internal static Model.Severity ParseSeverity(string text) => text.Trim().ToLowerInvariant() switch
    {
        "error" => Model.Severity.Error,
        "warning" => Model.Severity.Warning,
        "note" => Model.Severity.Note,
        _ => throw new FormatException($"unknown severity '{text}' (error, warning or note)"),
    };
}
