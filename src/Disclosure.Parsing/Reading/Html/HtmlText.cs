namespace Disclosure.Parsing.Reading.Html;

/// <summary>A growable run of characters: the text of one paragraph or one cell while it is being read.</summary>
internal sealed class TextBuffer
{
    // Allocated on first use: many buffers (one per table, per cell) stay empty.
    private char[] _chars = [];

    public int Length { get; private set; }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public void Append(char c)
    {
        if (Length == _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(32, _chars.Length * 2));
        }

        _chars[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return;
        }

        if (Length + s.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(Math.Max(32, _chars.Length * 2), Length + s.Length));
        }

        s.CopyTo(_chars.AsSpan(Length));
        Length += s.Length;
    }

    public void Clear() => Length = 0;
}

/// <summary>Text folding for the HTML reader, in one pass over the characters.</summary>
internal static class HtmlText
{
    /// <summary>
    /// The same result as <see cref="CellText.Clean"/> (CR dropped; per line, runs of whitespace, nbsp, U+3000,
    /// U+200B and U+FEFF to one space and the ends trimmed; empty lines dropped), without a regular expression or
    /// a string per line: the reader folds every paragraph and cell of a page through it.
    /// </summary>
    public static string Clean(ReadOnlySpan<char> text) => Fold(text, singleLine: false);

    /// <summary>
    /// The document title as AngleSharp's <c>Document.Title</c> then <see cref="CellText.Clean"/> made it: line
    /// breaks are spaces too, so the title is one line.
    /// </summary>
    public static string CleanTitle(ReadOnlySpan<char> text) => Fold(text, singleLine: true);

    /// <summary>A rowspan or colspan value as browsers read it: leading digits ("2px" is 2); none, zero or junk is 1.</summary>
    public static int ParseSpan(string? value, int limit)
    {
        if (value is null)
        {
            return 1;
        }

        var i = 0;
        while (i < value.Length && HtmlScanner.IsSpace(value[i]))
        {
            i++;
        }

        if (i < value.Length && value[i] == '+')
        {
            i++;
        }

        long n = 0;
        var digits = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            n = Math.Min(n * 10 + (value[i] - '0'), int.MaxValue);
            digits++;
            i++;
        }

        return digits == 0 || n == 0 ? 1 : (int)Math.Min(n, limit);
    }

    private static string Fold(ReadOnlySpan<char> text, bool singleLine)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        Span<char> output = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var lineHasText = false;
        var space = false;
        foreach (var c in text)
        {
            if (c == '\r' && !singleLine)
            {
                continue;
            }

            if (c == '\n' && !singleLine)
            {
                lineHasText = false;
                space = false;
                continue;
            }

            if (IsSpace(c))
            {
                space = lineHasText;
                continue;
            }

            if (!lineHasText && length > 0)
            {
                output[length++] = '\n';
            }
            else if (space)
            {
                output[length++] = ' ';
            }

            space = false;
            lineHasText = true;
            output[length++] = c;
        }

        return new string(output[..length]);
    }

    private static bool IsSpace(char c) => c <= ' ' ? c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' : c >= '\u0085' && (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF');
}
