using System.Collections.Frozen;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules;

/// <summary>
/// How the audit runs: which rules are off and which severities are overridden. Immutable: the sets given are copied
/// (rule IDs compared in any case), so changing them afterwards changes neither these options nor a pipeline built
/// with them. Two options with the same rules and severities are equal.
/// </summary>
public sealed record AuditOptions
{
    /// <summary>Rule IDs not to run (any case). A read-only copy of the set given.</summary>
    public IReadOnlySet<string> DisabledRules
    {
        get;
        init => field = (value ?? throw new ArgumentNullException(nameof(value))).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    } = FrozenSet<string>.Empty.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Severity per rule ID (any case), replacing the rule's default. A read-only copy of the dictionary given.</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides
    {
        get;
        init => field = (value ?? throw new ArgumentNullException(nameof(value))).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    } = FrozenDictionary<string, Severity>.Empty.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="other"/> disables the same rules and overrides the same severities.</summary>
    public bool Equals(AuditOptions? other) =>
        ReferenceEquals(this, other) || (other is not null
            && DisabledRules.SetEquals(other.DisabledRules)
            && SeverityOverrides.Count == other.SeverityOverrides.Count
            && SeverityOverrides.All(o => other.SeverityOverrides.TryGetValue(o.Key, out var s) && s == o.Value));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Order-independent, and case-independent as the IDs are compared.
        var hash = 0;
        foreach (var id in DisabledRules)
        {
            hash = unchecked(hash + StringComparer.OrdinalIgnoreCase.GetHashCode(id));
        }

        foreach (var (id, severity) in SeverityOverrides)
        {
            hash = unchecked(hash + HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(id), severity));
        }

        return hash;
    }
}

/// <summary>Runs a set of rules over a report, applying the options, in a stable order.</summary>
internal sealed class RuleEngine(IReadOnlyList<IReportRule> rules, IReadOnlyList<CrossYear.IReportPairRule> pairRules, AuditOptions options)
{
    public IReadOnlyList<Finding> Check(Report report, CancellationToken cancellationToken = default) =>
        rules.SelectMany(r => Run(r.Descriptor, () => r.Check(report), cancellationToken)).ToList();

    public IReadOnlyList<Finding> CheckPair(Report current, Report previous, CancellationToken cancellationToken = default) =>
        pairRules.SelectMany(r => Run(r.Descriptor, () => r.Check(current, previous), cancellationToken)).ToList();

    private IEnumerable<Finding> Run(RuleDescriptor rule, Func<IEnumerable<Finding>> check, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
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
