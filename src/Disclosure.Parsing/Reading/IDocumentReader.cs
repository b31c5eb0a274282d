using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Reading;

/// <summary>
/// Turns the bytes of one document into a <see cref="LayoutDocument"/>. A reader solves geometry and encoding
/// only: which text belongs to which cell, in which order. It knows nothing of the report template.
/// </summary>
public interface IDocumentReader
{
    /// <summary>The format name this reader produces, e.g. <c>html</c>.</summary>
    string Format { get; }

    /// <summary>File extensions (lower case, with the dot) this reader is the fallback for.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>How sure the reader is that it can read content starting with <paramref name="head"/>: 0 not at all, 100 certain.</summary>
    int Sniff(ReadOnlySpan<byte> head);

    /// <summary>Reads the document.</summary>
    /// <exception cref="DocumentReadException">The content cannot be read; the message says why.</exception>
    LayoutDocument Read(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);
}

/// <summary>A document could not be read. The message names the reason in words a person can act on.</summary>
public sealed class DocumentReadException : Exception
{
    /// <summary>Creates the exception with a reason; the kind is <see cref="FailureKind.Corrupt"/>.</summary>
    public DocumentReadException(string message)
        : this(FailureKind.Corrupt, message)
    {
    }

    /// <summary>Creates the exception with a reason and the error behind it; the kind is <see cref="FailureKind.Corrupt"/>.</summary>
    public DocumentReadException(string message, Exception inner)
        : this(FailureKind.Corrupt, message, inner)
    {
    }

    /// <summary>Creates the exception with the kind of failure, a reason, and optionally the error behind it.</summary>
    public DocumentReadException(FailureKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    /// <summary>What kind of failure it is.</summary>
    public FailureKind Kind { get; }
}
