using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Batch;

/// <summary>Counts of a batch's results: how many files were clean, failed the audit, or could not be read and why.</summary>
public sealed class BatchSummary
{
    private readonly SortedDictionary<FailureKind, int> _unreadable = [];
    private readonly SortedDictionary<string, int> _findings = new(StringComparer.Ordinal);

    /// <summary>Creates an empty summary.</summary>
    public BatchSummary()
    {
        // Read-only views of the counts: a caller reads them as they grow, and cannot change them.
        Unreadable = new System.Collections.ObjectModel.ReadOnlyDictionary<FailureKind, int>(_unreadable);
        FindingsByRule = new System.Collections.ObjectModel.ReadOnlyDictionary<string, int>(_findings);
    }

    /// <summary>Files counted.</summary>
    public int Files { get; private set; }

    /// <summary>Reports with no error or warning finding.</summary>
    public int Clean { get; private set; }

    /// <summary>Reports with at least one error finding.</summary>
    public int WithErrors { get; private set; }

    /// <summary>Reports with warnings but no error.</summary>
    public int WithWarningsOnly { get; private set; }

    /// <summary>Files without a report, by the reason (not a report, scanned, timed out, …).</summary>
    public IReadOnlyDictionary<FailureKind, int> Unreadable { get; }

    /// <summary>Total unreadable files.</summary>
    public int UnreadableCount => _unreadable.Values.Sum();

    /// <summary>Findings by rule ID, cross-year findings included.</summary>
    public IReadOnlyDictionary<string, int> FindingsByRule { get; }

    /// <summary>Counts one file's result.</summary>
    public void Add(AuditResult result)
    {
        Files++;
        if (result.Error is not null)
        {
            var kind = result.ErrorKind ?? FailureKind.Corrupt;
            _unreadable[kind] = _unreadable.GetValueOrDefault(kind) + 1;
            return;
        }

        if (result.HasErrors)
        {
            WithErrors++;
        }
        else if (result.Findings.Any(static f => f.Severity == Severity.Warning))
        {
            WithWarningsOnly++;
        }
        else
        {
            Clean++;
        }

        CountFindings(result.Findings);
    }

    /// <summary>Counts findings added to a file already counted (cross-year checks), without counting the file again.</summary>
    public void AddFindings(IEnumerable<Finding> findings) => CountFindings(findings);

    private void CountFindings(IEnumerable<Finding> findings)
    {
        foreach (var f in findings)
        {
            _findings[f.RuleId] = _findings.GetValueOrDefault(f.RuleId) + 1;
        }
    }
}
