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
internal sealed class RuleEngine(IReadOnlyList<IReportRule> rules, AuditOptions options)
{
    public IReadOnlyList<Finding> Check(Report report)
    {
        var findings = new List<Finding>();
        foreach (var rule in rules)
        {
            var id = rule.Descriptor.Id;
            if (options.DisabledRules.Contains(id))
            {
                continue;
            }

            var severity = options.SeverityOverrides.TryGetValue(id, out var s) ? s : rule.Descriptor.DefaultSeverity;
            findings.AddRange(rule.Check(report).Select(f => f.Severity == severity ? f : f with { Severity = severity }));
        }

        return findings;
    }
}
