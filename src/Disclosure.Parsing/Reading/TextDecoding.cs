using System.Buffers;
using System.Text;

namespace Disclosure.Parsing.Reading;

/// <summary>Decodes text documents: BOM first, then a declared charset, then UTF-8 if valid, else GB18030.</summary>
internal static class TextDecoding
{
    /// <summary>GB18030, a superset of GB2312 and GBK: the right decoder for pages that declare either.</summary>
    public static Encoding Gb18030 { get; } = GetGb18030();

    private static Encoding GetGb18030()
    {
        // GB2312/GBK/GB18030 (and the other code pages FromLabel may name) live in the code-pages provider,
        // which .NET does not register by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="declared"/> is a charset label found in the content, if any.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declared = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        var encoding = FromLabel(declared);
        if (encoding is not null)
        {
            // A page that declares UTF-8 but is not valid UTF-8 was mislabelled; detection below decides.
            if (encoding.CodePage != Encoding.UTF8.CodePage || IsValidUtf8(bytes))
            {
                return encoding.GetString(bytes);
            }
        }

        return IsValidUtf8(bytes) ? Encoding.UTF8.GetString(bytes) : Gb18030.GetString(bytes);
    }

    /// <summary>Maps a charset label to an encoding; GB2312 and GBK map to GB18030, their superset.</summary>
    public static Encoding? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var l = label.Trim().Trim('"', '\'').ToLowerInvariant();
        if (l is "gb2312" or "gbk" or "gb18030" or "x-gbk" or "cp936" or "euc-cn" or "hz-gb-2312" or "csgb2312")
        {
            return Gb18030;
        }

        // A page read byte by byte cannot be UTF-16 or UTF-32 whatever it declares (a byte order mark says so, and was
        // looked for first); browsers read such a page as UTF-8, and so does detection here. UTF-7 is refused by .NET.
        if (l.StartsWith("utf-16", StringComparison.Ordinal) || l.StartsWith("utf-32", StringComparison.Ordinal)
            || l.StartsWith("ucs-", StringComparison.Ordinal) || l is "unicode" or "unicodefffe" or "utf-7" or "utf7" or "csunicode11utf7")
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(l);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // A label .NET does not know, or knows and will not decode.
            return null;
        }
    }

    /// <summary>True when the bytes are well-formed UTF-8.</summary>
    /// <remarks>Vectorised and without an exception for a GBK page (a strict decoder threw one per page).</remarks>
    public static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    // NUL and the C0 controls text does not use (tab, line feed, form feed and carriage return it does).
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    /// <summary>
    /// True when the head of the content looks like text in some encoding we read (few control bytes, no NUL
    /// outside a UTF-16 BOM). Random bytes and binary formats fail this.
    /// </summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0)
        {
            return false;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }

        // Most pages hold no control character at all: one vectorised search says so; the count is for those that do.
        var control = 0;
        var withControls = head.IndexOfAny(ControlBytes) < 0 ? [] : head;
        foreach (var b in withControls)
        {
            if (b == 0)
            {
                return false;
            }

            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C)
            {
                control++;
            }
        }

        if (control * 100 > head.Length)
        {
            return false;
        }

        // Valid UTF-8 is text; otherwise GB18030 must decode it without many replacement characters.
        if (IsValidUtf8(TrimIncompleteTail(head)))
        {
            return true;
        }

        var decoded = Gb18030.GetString(head);
        var bad = decoded.Count(static c => c == '\uFFFD');
        return bad * 50 < decoded.Length;
    }

    // The head may cut a multi-byte sequence in two; drop up to three trailing bytes of it.
    private static ReadOnlySpan<byte> TrimIncompleteTail(ReadOnlySpan<byte> head)
    {
        var end = head.Length;
        for (var i = 1; i <= 3 && i <= head.Length; i++)
        {
            var b = head[head.Length - i];
            if ((b & 0xC0) == 0xC0)
            {
                end = head.Length - i;
                break;
            }

            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        return head[..end];
    }
}
