using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Disclosure.Parsing.Recognition;

/// <summary>Normalises printed labels and numbers so that the template can be matched against what reports print.</summary>
internal static partial class LabelText
{
    /// <summary>
    /// The comparable form of a label: full-width folded to half-width, the leading list number (一、 （三） 1.)
    /// removed, and whitespace, line breaks, quotes and punctuation dropped.
    /// </summary>
    /// <remarks>Recognition remembers it per pipeline: <see cref="RecognitionCaches.Normalize"/>.</remarks>
    public static string Normalize(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var s = Fold(text);
        s = StripNumbering(s);
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (!IsDropped(ch))
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether <see cref="Normalize"/> drops a (folded) character: whitespace, zero-width marks, punctuation and symbols.</summary>
    internal static bool IsDropped(char ch) => IsSpace(ch) || IsPunctuation(char.GetUnicodeCategory(ch));

    /// <summary>Whitespace as the comparison of labels ignores it, zero-width space and BOM included.</summary>
    internal static bool IsSpace(char ch) => char.IsWhiteSpace(ch) || ch is '\u200B' or '\uFEFF';

    /// <summary>Full-width forms to half-width (NFKC), with the ideographic space folded too.</summary>
    public static string Fold(string text) =>
        (IsFoldStable(text) ? text : text.Normalize(NormalizationForm.FormKC)).Replace('\u3000', ' ');

    // NFKC leaves ASCII, CJK punctuation (U+3001–U+3035) and the unified ideographs (U+4E00–U+9FFF) as they are;
    // most cell text is nothing else, and skipping the normaliser there saves most of its cost.
    private static bool IsFoldStable(string text)
    {
        foreach (var ch in text)
        {
            if (!IsFoldStable(ch))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsFoldStable(char ch) => ch < 0x80 || ch is (>= '\u3000' and <= '\u3035') or (>= '\u4E00' and <= '\u9FFF');

    /// <summary>Removes a leading list number such as 一、 （三） (3) 1. 1、 and returns the rest.</summary>
    public static string StripNumbering(string folded)
    {
        var s = folded.TrimStart();
        for (var i = 0; i < 3; i++)
        {
            var m = Numbering().Match(s);
            if (!m.Success || m.Length == s.Length)
            {
                break;
            }

            s = s[m.Length..];
        }

        return s;
    }

    /// <summary>Whether a label opens with a list number of its own (1. 2、 （三） 四、) followed by words.</summary>
    public static bool OpensWithItemNumber(string text)
    {
        var folded = Fold(text).Trim();
        return folded.Length > 0 && ParseNumber(folded) is null && StripNumbering(folded).Length < folded.Length;
    }

    /// <summary>The leading Chinese list number of a heading (一 … 十), or null.</summary>
    public static string? HeadingNumber(string text)
    {
        // Most paragraphs are prose: one that opens with a character folding leaves as it is, and not a numeral, is no heading.
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                continue;
            }

            if (IsFoldStable(ch) && ch is not ('一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十'))
            {
                return null;
            }

            break;
        }

        var m = HeadingNumberPattern().Match(Fold(text).TrimStart());
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>
    /// How alike two normalised labels are, 0 to 1. Equal is 1; otherwise 1 − edit distance / longer length.
    /// Labels of three characters or fewer must be equal: 其他 and 总计 are one edit from many things.
    /// </summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }

        if (Math.Min(a.Length, b.Length) <= 3)
        {
            return 0;
        }

        var distance = EditDistance(a, b);
        return 1.0 - ((double)distance / Math.Max(a.Length, b.Length));
    }

    /// <summary>Parses a printed number: full-width digits, thousands separators and spaces allowed; null otherwise.</summary>
    public static decimal? ParseNumber(string text)
    {
        // Most value cells print plain digits: read them without folding, a pattern or decimal's division.
        if (IsPlainDigits(text))
        {
            return long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var s = Fold(text).Trim();
        if (s.Length == 0)
        {
            return null;
        }

        s = s.Replace(" ", string.Empty).Replace("\n", string.Empty);
        if (!NumberPattern().IsMatch(s))
        {
            return null;
        }

        s = s.Replace(",", string.Empty);
        if (s.StartsWith('+'))
        {
            s = s[1..];
        }

        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        // Drop trailing zeros of the scale, so 12.50 and 12.5 print alike.
        return value / 1.000000000000000000000000000000000m;
    }

    /// <summary>True when the text reads as a number, or as the blank / 无 / — a value cell may hold.</summary>
    public static bool LooksLikeValue(string text)
    {
        if (IsPlainDigits(text))
        {
            return true;
        }

        // A label is words: an ideograph no number or blank word (无, 空, 暂无, 0件) prints rules the text out at once.
        foreach (var ch in text)
        {
            if (ch is >= '\u4E00' and <= '\u9FFF' and not ('无' or '空' or '暂' or '件'))
            {
                return false;
            }
        }

        var s = Fold(text).Trim();
        return s.Length == 0 || ParseNumber(s) is not null || NullValue().IsMatch(s);
    }

    // Up to 18 ASCII digits: a long holds them, and they read the same after folding and through the number pattern.
    private static bool IsPlainDigits(string text)
    {
        if (text.Length is 0 or > 18)
        {
            return false;
        }

        foreach (var ch in text)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPunctuation(UnicodeCategory cat) => cat is UnicodeCategory.ConnectorPunctuation
        or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
        or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.ModifierSymbol
        or UnicodeCategory.OtherSymbol or UnicodeCategory.CurrencySymbol;

    private static int EditDistance(string a, string b)
    {
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            cur.CopyTo(prev);
        }

        return prev[b.Length];
    }

    [GeneratedRegex(@"^(?:[(]?[一二三四五六七八九十]{1,3}[)、.]|[(]?[一二三四五六七八九十]{1,3}[)]|[(][0-9]{1,2}[)]|[0-9]{1,2}(?:[.、)]|\s))\s*")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3})\s*[、.]")]
    private static partial Regex HeadingNumberPattern();

    [GeneratedRegex(@"^[-+]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?:无|—+|-+|/|／|\\|空|暂无|－+|–+|\.|…+|0件|/件)$")]
    private static partial Regex NullValue();
}
