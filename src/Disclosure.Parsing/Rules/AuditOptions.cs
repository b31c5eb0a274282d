using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules;

/// <summary>How the audit runs: which rules are off and which severities are overridden.</summary>
public sealed record AuditOptions
{
    /// <summary>Rule IDs not to run.</summary>
    public IReadOnlySet<string> DisabledRules { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Severity per rule ID, replacing the rule's default.</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } =
        new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Runs a set of rules over a report, applying the options, in a stable order.</summary>
internal sealed class RuleEngine(IReadOnlyList<IReportRule> rules, IReadOnlyList<CrossYear.IReportPairRule> pairRules, AuditOptions options)
{
    public IReadOnlyList<Finding> Check(Report report) =>
        rules.SelectMany(r => Run(r.Descriptor, () => r.Check(report))).ToList();

    public IReadOnlyList<Finding> CheckPair(Report current, Report previous) =>
        pairRules.SelectMany(r => Run(r.Descriptor, () => r.Check(current, previous))).ToList();

    private IEnumerable<Finding> Run(RuleDescriptor rule, Func<IEnumerable<Finding>> check)
    {
        if (options.DisabledRules.Contains(rule.Id))
        {
            return [];
        }

        var severity = options.SeverityOverrides.TryGetValue(rule.Id, out var s) ? s : rule.DefaultSeverity;
        List<Finding> findings;
        try
        {
            findings = check().ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A rule that throws costs its own check only (RULE001 says which), never the other rules' findings.
            return options.DisabledRules.Contains(RuleFailure.Rule.Id) ? [] : [Failed(rule, e)];
        }

        return findings.Select(f => f.Severity == severity ? f : f with { Severity = severity });
    }

    private Finding Failed(RuleDescriptor rule, Exception e)
    {
        var finding = RuleFailure.For(rule, e);
        return options.SeverityOverrides.TryGetValue(finding.RuleId, out var s) ? finding with { Severity = s } : finding;
    }
}
