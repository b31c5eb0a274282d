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
    /// <summary>What <see cref="CellText.Clean"/> folds: <see cref="char.IsWhiteSpace(char)"/> (the regex's \s), U+200B and U+FEFF.</summary>
    internal const string SpaceChars =
        "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\u200B\uFEFF";


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
            if (!IsSpace(c))
            {
                if (!lineHasText && length > 0)
                {
                    output[length++] = '\n';
                }
                else if (space)
                {
                    output[length++] = ' ';
                }

                output[length++] = c;
                lineHasText = true;
                space = false;
            }
            else if (singleLine || c is not ('\r' or '\n'))
            {
                space = lineHasText;
            }
            else if (c == '\n')
            {
                lineHasText = false;
                space = false;
            }

            // A CR is dropped, not a space: "a\rb" is "ab".
        }

        return new string(output[..length]);
    }

    /// <summary>A character of <see cref="SpaceChars"/>, tested from the ranges Chinese text lives in first.</summary>
    private static bool IsSpace(char c) => c switch
    {
        > '\u3000' => c == '\uFEFF',
        > ' ' and < '\u0085' => false,
        <= ' ' => c is ' ' or (>= '\t' and <= '\r'),
        _ => c is '\u0085' or '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200B') or '\u2028' or '\u2029' or '\u202F'
            or '\u205F' or '\u3000',
    };
}
