using System.Text;
using System.Text.RegularExpressions;

namespace Disclosure.Parsing.Tests.Robustness;

/// <summary>Damage to markup and text: tags unbalanced, unclosed or nested absurdly deep; encodings invalid or lying.</summary>
internal static partial class TextMutations
{
    public static string[] HtmlKinds { get; } = ["drop-close", "unclose", "nested-tags", "huge-span", "lying-charset", "invalid-bytes", "long-line"];

    public static string[] TextKinds { get; } = ["invalid-bytes", "utf16-odd", "long-line", "many-cells", "nul-bytes", "lying-bom"];

    public static byte[] Html(string kind, Random rng, byte[] source)
    {
        var html = Encoding.Latin1.GetString(source);
        switch (kind)
        {
            case "drop-close":
            {
                // Closing tags removed at random.
                var closes = CloseTag().Matches(html).ToList();
                var drop = closes.Where(_ => rng.Next(4) == 0).Select(static m => (m.Index, m.Length)).Reverse();
                foreach (var (at, length) in drop)
                {
                    html = html.Remove(at, length);
                }

                return Encoding.Latin1.GetBytes(html);
            }

            case "unclose":
            {
                string[] opens = ["<table>", "<tr>", "<td>", "<div>", "<td rowspan=\"3\">", "<!--", "<script>", "<style>", "<table><tr><td>", "<p>", "<![CDATA["];
                for (var i = 0; i < 1 + rng.Next(10); i++)
                {
                    var at = html.IndexOf('<', rng.Next(html.Length));
                    html = html.Insert(at < 0 ? html.Length : at, opens[rng.Next(opens.Length)]);
                }

                return Encoding.Latin1.GetBytes(html);
            }

            case "nested-tags":
            {
                // Past the 512 levels browsers nest, and far past: the reader must flatten, not slow down.
                var depth = new[] { 500, 1_000, 20_000 }[rng.Next(3)];
                (string Open, string Close)[] shapes = [("<div>", "</div>"), ("<table><tr><td>", "</td></tr></table>"), ("<span>", "</span>"), ("<b><i>", ""), ("<td>", ""), ("<font>", "</font>"), ("<ul><li>", "</li></ul>")];
                var (open, close) = shapes[rng.Next(shapes.Length)];
                var nested = new StringBuilder();
                for (var i = 0; i < depth; i++)
                {
                    nested.Append(open);
                }

                nested.Append("x");
                for (var i = 0; i < depth && close.Length > 0; i++)
                {
                    nested.Append(close);
                }

                var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
                var at = body < 0 ? rng.Next(html.Length) : html.IndexOf('>', body) + 1;
                return Encoding.Latin1.GetBytes(html.Insert(at, nested.ToString()));
            }

            case "huge-span":
            {
                string[] values = ["0", "-1", "2147483647", "99999999999", "1000", "abc", "65534", "1e9"];
                var result = Span().Replace(html, m => rng.Next(3) == 0 ? $"{m.Groups[1].Value}=\"{values[rng.Next(values.Length)]}\"" : m.Value);
                if (!Span().IsMatch(html))
                {
                    var td = html.IndexOf("<td", StringComparison.OrdinalIgnoreCase);
                    result = td < 0 ? html : html.Insert(td + 3, $" rowspan=\"{values[rng.Next(values.Length)]}\" colspan=\"{values[rng.Next(values.Length)]}\"");
                }

                return Encoding.Latin1.GetBytes(result);
            }

            case "lying-charset":
            {
                string[] charsets = ["utf-16", "utf-32", "utf-7", "x-nonsense", "big5", "iso-2022-jp", "gb2312", "utf-8", "\"", "ibm037"];
                var charset = charsets[rng.Next(charsets.Length)];
                var replaced = Charset().Replace(html, "charset=" + charset);
                if (replaced == html)
                {
                    replaced = $"<meta charset=\"{charset}\">" + html;
                }

                return Encoding.Latin1.GetBytes(replaced);
            }

            case "invalid-bytes":
                return InvalidBytes(rng, source);
            default:
                return LongLine(rng, source);
        }
    }

    public static byte[] Text(string kind, Random rng, byte[] source)
    {
        switch (kind)
        {
            case "invalid-bytes":
                return InvalidBytes(rng, source);
            case "utf16-odd":
                // A UTF-16 byte order mark in front of text that is not UTF-16, an odd number of bytes long.
                return [.. (rng.Next(2) == 0 ? new byte[] { 0xFF, 0xFE } : [0xFE, 0xFF]), .. source.AsSpan(0, source.Length - (source.Length % 2 == 0 ? 1 : 0))];
            case "long-line":
                return LongLine(rng, source);
            case "many-cells":
            {
                // One line of tens of thousands of tab-separated cells.
                var cells = string.Join('\t', Enumerable.Range(0, new[] { 1_000, 20_000 }[rng.Next(2)]).Select(static i => (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                var text = Encoding.UTF8.GetString(source);
                var lines = text.Split('\n').ToList();
                lines.Insert(rng.Next(lines.Count), (rng.Next(2) == 0 ? "\t" : "合计\t") + cells);
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            }

            case "nul-bytes":
            {
                var result = (byte[])source.Clone();
                for (var i = 0; i < 1 + rng.Next(5); i++)
                {
                    result[rng.Next(result.Length)] = 0;
                }

                return result;
            }

            default:
                // lying-bom: a UTF-8 byte order mark in front of GB18030 bytes, or the reverse.
                return [0xEF, 0xBB, 0xBF, .. Encoding.GetEncoding("GB18030").GetBytes(Encoding.UTF8.GetString(source))];
        }
    }

    /// <summary>Byte sequences no encoding we read accepts: lone continuation bytes, cut multi-byte characters, overlongs, surrogates.</summary>
    private static byte[] InvalidBytes(Random rng, byte[] source)
    {
        byte[][] bad = [[0x80], [0xC0, 0xAF], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xFE, 0xFE], [0x81, 0x30], [0x84, 0x31, 0xA4, 0x39], [0xF8, 0x88, 0x80, 0x80, 0x80]];
        var result = new List<byte>(source);
        for (var i = 0; i < 1 + rng.Next(20); i++)
        {
            result.InsertRange(rng.Next(result.Count + 1), bad[rng.Next(bad.Length)]);
        }

        return [.. result];
    }

    private static byte[] LongLine(Random rng, byte[] source)
    {
        // Not 4 000 000: a paragraph that long takes TEXT001 about ten seconds, which is no hang but eats the run's time.
        var length = new[] { 100_000, 1_000_000 }[rng.Next(2)];
        var unit = rng.Next(3) switch { 0 => "一", 1 => "1 ", _ => "x" };
        var line = Encoding.UTF8.GetBytes(new StringBuilder(length).Insert(0, unit, length / unit.Length).ToString());
        var at = rng.Next(source.Length);
        return [.. source.AsSpan(0, at), .. line, .. source.AsSpan(at)];
    }

    [GeneratedRegex(@"</\w+\s*>")]
    private static partial Regex CloseTag();

    [GeneratedRegex(@"(rowspan|colspan)\s*=\s*""?\d+""?", RegexOptions.IgnoreCase)]
    private static partial Regex Span();

    [GeneratedRegex(@"charset\s*=\s*[""']?[\w-]+", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();
}
