namespace Disclosure.Parsing.Model;

/// <summary>Why a document has no report: the reason behind <see cref="AuditResult.Error"/>, for counting and filtering.</summary>
/// <remarks>The JSON, CSV and Parquet outputs name these in kebab case (<c>not-a-report</c>, <c>timed-out</c>, …); see <see cref="FailureKinds.Name"/>.</remarks>
public enum FailureKind
{
    /// <summary>The file does not exist.</summary>
    NotFound,

    /// <summary>The file exists but the operating system would not give its bytes (permissions, I/O error).</summary>
    IoError,

    /// <summary>The file has no bytes.</summary>
    Empty,

    /// <summary>The file is larger than the pipeline reads, or would expand past its limits (zip bomb, too many pages).</summary>
    TooLarge,

    /// <summary>Not a format this tool reads: binary data, a legacy <c>.doc</c>, a zip that is not a Word document.</summary>
    Unsupported,

    /// <summary>Read, but not a disclosure annual report.</summary>
    NotAReport,

    /// <summary>A PDF without a text layer (or whose fonts carry no Unicode map): it needs OCR.</summary>
    Scanned,

    /// <summary>Encrypted or password-protected.</summary>
    Encrypted,

    /// <summary>Damaged, truncated or malformed beyond what the reader can recover.</summary>
    Corrupt,

    /// <summary>Reading took longer than the batch's per-file limit.</summary>
    TimedOut,

    /// <summary>Reading needed more memory than the batch's per-file budget.</summary>
    OverMemoryBudget,

    /// <summary>The worker reading the file died (stack overflow, a native crash); the file was not read.</summary>
    Crashed,

    /// <summary>A defect of this library, not of the file: the message names the stage; please report it.</summary>
    InternalError,
}

/// <summary>Names of <see cref="FailureKind"/> values as the outputs print them.</summary>
public static class FailureKinds
{
    /// <summary>The kebab-case name: <c>not-a-report</c>, <c>timed-out</c>, …</summary>
    public static string Name(FailureKind kind) => kind switch
    {
        FailureKind.NotFound => "not-found",
        FailureKind.IoError => "io-error",
        FailureKind.Empty => "empty",
        FailureKind.TooLarge => "too-large",
        FailureKind.Unsupported => "unsupported",
        FailureKind.NotAReport => "not-a-report",
        FailureKind.Scanned => "scanned",
        FailureKind.Encrypted => "encrypted",
        FailureKind.Corrupt => "corrupt",
        FailureKind.TimedOut => "timed-out",
        FailureKind.OverMemoryBudget => "over-memory-budget",
        FailureKind.Crashed => "crashed",
        _ => "internal-error",
    };

    /// <summary>The kind named <paramref name="name"/> (as <see cref="Name"/> prints it), or null.</summary>
    public static FailureKind? Parse(string? name)
    {
        foreach (var kind in Enum.GetValues<FailureKind>())
        {
            if (string.Equals(Name(kind), name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }
}
