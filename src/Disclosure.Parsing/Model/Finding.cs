namespace Disclosure.Parsing.Model;

/// <summary>How serious a finding is.</summary>
public enum Severity
{
    /// <summary>Informational.</summary>
    Note,

    /// <summary>Probably wrong; worth a look.</summary>
    Warning,

    /// <summary>The report is wrong or incomplete.</summary>
    Error,
}

/// <summary>One defect found in a report.</summary>
/// <param name="RuleId">The stable rule ID, e.g. <c>SUM001</c>.</param>
/// <param name="Severity">The severity the rule was run with.</param>
/// <param name="Section">The section number the finding is about (一 … 六), when it is about one.</param>
/// <param name="Cells">Every cell the rule used, by canonical key.</param>
/// <param name="Expected">For a broken total: the value the identity requires.</param>
/// <param name="Actual">For a broken total: the value printed.</param>
/// <param name="Message">What is wrong, in Chinese a report author understands.</param>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string? Section,
    IReadOnlyList<string> Cells,
    decimal? Expected,
    decimal? Actual,
    string Message)
{
    /// <summary>Every cell the rule used, by canonical key. Read-only, compared by value.</summary>
    public IReadOnlyList<string> Cells { get; init => field = ValueList.Of(value); } = ValueList.Of(Cells);
}

/// <summary>The outcome of reading and auditing one document.</summary>
/// <param name="File">The file as given.</param>
/// <param name="Format">The format it was read as, when known.</param>
/// <param name="Report">The recognised report; null when the document could not be read.</param>
/// <param name="Findings">The audit findings, in a stable order.</param>
/// <param name="Error">Why the document could not be read; null when it was read.</param>
public sealed record AuditResult(string File, string? Format, Report? Report, IReadOnlyList<Finding> Findings, string? Error)
{
    /// <summary>The audit findings, in a stable order. Read-only, compared by value.</summary>
    public IReadOnlyList<Finding> Findings { get; init => field = ValueList.Of(value); } = ValueList.Of(Findings);

    /// <summary>Why the document has no report, when <see cref="Error"/> is set: for counting and filtering failures.</summary>
    public FailureKind? ErrorKind { get; init; }

    /// <summary>
    /// Parts of a document that was read which the reader had to skip or repair (a damaged page, a broken numbering
    /// part): its figures may be incomplete there. Empty when the whole document was read.
    /// </summary>
    public IReadOnlyList<string> Problems { get; init => field = ValueList.Of(value); } = ValueList<string>.Empty;

    /// <summary>A result for a file that could not be read or audited.</summary>
    public static AuditResult Failed(string file, string? format, FailureKind kind, string error) =>
        new(file, format, null, [], error) { ErrorKind = kind };

    /// <summary>True when any finding is an error.</summary>
    public bool HasErrors => Findings.Any(static f => f.Severity == Severity.Error);
}
