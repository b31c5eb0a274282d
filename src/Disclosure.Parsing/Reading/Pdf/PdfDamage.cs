namespace Disclosure.Parsing.Reading.Pdf;

/// <summary>
/// Says in plain words which part of a PDF PdfPig could not take, from where in PdfPig it failed: its own messages
/// ("Value cannot be null. (Parameter 'key')") name nothing a person can act on. The raw message follows as a detail.
/// </summary>
internal static class PdfDamage
{
    private const int MaxDetail = 160;

    // The parts of PdfPig that say which part of the file failed, most specific first; helpers (Util, Tokens, Core)
    // and the page assembly (Content) say little and are looked through to the caller that does.
    private static readonly (string Namespace, string What)[] Parts =
    [
        (".Filters.", "a compressed stream does not decompress"),
        (".Fonts.", "a font is damaged"),
        (".PdfFonts.", "a font is damaged"),
        (".Images.", "an image is damaged"),
        (".Graphics.", "the drawing instructions (content stream) are damaged"),
        (".FileStructure.", "the cross-reference table (the index of its objects) is damaged or missing"),
        (".Encryption.", "its encryption data is damaged"),
    ];

    public static string Describe(Exception e)
    {
        var types = ExceptionOrigin.ThrowingTypes(e).Where(static t => t.StartsWith("UglyToad.", StringComparison.Ordinal)).ToList();
        var message = e.Message;
        var what = Mentions(message, "xref") || Mentions(message, "cross reference") || Mentions(message, "startxref")
            ? "the cross-reference table (the index of its objects) is damaged or missing"
            : Mentions(message, "content for the page") || Mentions(message, "contents for object")
            ? "its content stream (the page's text and drawing) is missing"
            : types.Select(static t => Parts.FirstOrDefault(p => t.Contains(p.Namespace, StringComparison.Ordinal)).What).FirstOrDefault(static w => w is not null)
              ?? (types.Any(static t => t.Contains(".Content.", StringComparison.Ordinal)) ? "the page tree or a page's resources are damaged"
                  : types.Any(static t => t.Contains(".Tokeniz", StringComparison.Ordinal) || t.Contains(".Tokens.", StringComparison.Ordinal)) ? "an object's syntax is broken"
                  : "its structure is damaged");
        var detail = message.Length > MaxDetail ? message[..MaxDetail] + "…" : message;
        return $"{what} (detail: {detail.ReplaceLineEndings(" ")})";
    }

    private static bool Mentions(string message, string word) => message.Contains(word, StringComparison.OrdinalIgnoreCase);
}
