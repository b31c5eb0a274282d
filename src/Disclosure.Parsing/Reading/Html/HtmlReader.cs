using System.Text;
using System.Text.RegularExpressions;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Reading.Html;

/// <summary>Options for <see cref="HtmlReader"/>.</summary>
public sealed record HtmlReaderOptions
{
    /// <summary>Row and column spans larger than this are clamped (malformed pages say rowspan="9999").</summary>
    public int MaxSpan { get; init; } = 500;

    /// <summary>
    /// Elements whose content is never part of the report (site chrome and non-visible content), in any case. A read-only
    /// copy of the set given: changing that set afterwards changes no reader.
    /// </summary>
    public IReadOnlySet<string> SkippedElements
    {
        get;
        init => field = System.Collections.Frozen.FrozenSet.ToFrozenSet(value ?? throw new ArgumentNullException(nameof(value)), StringComparer.OrdinalIgnoreCase);
    } = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        [
            "script", "style", "noscript", "template", "head", "nav", "header", "footer", "form", "select", "button",
            "iframe", "object", "svg", "canvas", "textarea", "input", "option",
        ],
        StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Reads an HTML page into a <see cref="LayoutDocument"/>: paragraphs for block-level text, and tables as grids with
/// <c>rowspan</c>/<c>colspan</c> expanded. A table that contains other tables is page layout, not data: its content is
/// read as if the table were not there.
/// <para>
/// One pass over the page, without a DOM: a tokenizer (<see cref="HtmlScanner"/>), the HTML tree-construction rules
/// applied to the stack of open elements only (<see cref="HtmlTreeBuilder"/>, as AngleSharp 1.10 applies them), and
/// the layout built as elements open and close (<see cref="LayoutAssembler"/>). Time and memory grow linearly with the
/// page, however deep it nests; nesting past 512 levels is flattened as browsers flatten it.
/// </para>
/// </summary>
public sealed partial class HtmlReader : IDocumentReader
{
    private readonly HtmlReaderOptions _options;

    /// <summary>Creates the reader with default options.</summary>
    public HtmlReader()
        : this(new HtmlReaderOptions())
    {
    }

    /// <summary>Creates the reader.</summary>
    public HtmlReader(HtmlReaderOptions options) => _options = options;

    /// <inheritdoc />
    public string Format => "html";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm", ".shtml", ".xhtml"];

    /// <inheritdoc />
    public int Sniff(ReadOnlySpan<byte> head)
    {
        if (!TextDecoding.LooksLikeText(head))
        {
            return 0;
        }

        var ascii = Encoding.Latin1.GetString(head[..Math.Min(head.Length, 2048)]).ToLowerInvariant();
        return ascii.Contains("<html") || ascii.Contains("<!doctype html") || ascii.Contains("<table") || ascii.Contains("<body")
            ? 80
            : ascii.Contains("<p>") || ascii.Contains("<div") ? 40 : 0;
    }

    /// <inheritdoc />
    public LayoutDocument Read(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var head = content.Span[..Math.Min(content.Length, 8192)];
        if (!TextDecoding.LooksLikeText(head))
        {
            throw new DocumentReadException(FailureKind.Unsupported, "not an HTML page: the content is binary");
        }

        var text = TextDecoding.Decode(content.Span, DeclaredCharset(head));
        return Parse(text, cancellationToken);
    }

    internal LayoutDocument Parse(string html, CancellationToken cancellationToken = default) =>
        new HtmlTreeBuilder(html, _options, cancellationToken).Build();

    /// <summary>Finds a charset declared in a BOM-less head: <c>&lt;meta charset&gt;</c> or an http-equiv Content-Type.</summary>
    internal static string? DeclaredCharset(ReadOnlySpan<byte> head)
    {
        var ascii = Encoding.Latin1.GetString(head);
        var m = MetaCharset().Match(ascii);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
