using System.Buffers;
using AngleSharp.Common;
using AngleSharp.Html;

namespace Disclosure.Parsing.Reading.Html;

internal enum TokenKind : byte
{
    EndOfFile,
    Text,
    StartTag,
    EndTag,
    Comment,
    Doctype,
}

/// <summary>How the scanner reads the content of the element just opened (HTML tokenizer states).</summary>
internal enum RawState : byte
{
    None,
    RcData,
    RawText,
    ScriptData,
    PlainText,
}

/// <summary>
/// The HTML tokenizer, cut down to what the layout needs: text (character references decoded, CR LF folded to LF),
/// tags with the few attributes the tree builder reads (rowspan and colspan of cells, font's color/face/size),
/// comments and doctypes skipped whole, and the raw-text states of script, style, title, textarea and friends.
/// <para>
/// Hand-written rather than AngleSharp's <c>HtmlTokenizer</c>, measured first (HtmlReaderBenchmarks, the 13 report
/// pages of testdata/html and the shared corpus, 297 KB, BenchmarkDotNet medians on the shared 2-core machine):
/// AngleSharp's tokenizer alone 7.0 ms and 1.1 MB allocated, this scanner 1.4 ms and 0.2 MB; the whole reader on it
/// 4.0 ms; AngleSharp's <c>ParseDocument</c> 10.1 ms; lxml's <c>lxml.html.parse</c> of the same files 9 to 11 ms at
/// best, 16 to 17 ms median, in the same hour. On AngleSharp's tokenizer the reader would cost most of lxml's parse
/// before recognition even starts. Named references still resolve through AngleSharp's
/// <see cref="HtmlEntityProvider.ResolverExtended"/> (the table its parser uses), and the text runs split where
/// AngleSharp's split, since text in a table moves out of it run by run.
/// </para>
/// </summary>
internal sealed class HtmlScanner
{
    private static readonly SearchValues<char> TextStops = SearchValues.Create("<&\r\0");
    private static readonly SearchValues<char> RawStops = SearchValues.Create("\r\0");
    private static readonly SearchValues<char> TagNameEnd = SearchValues.Create("\t\n\f\r />");
    private static readonly SearchValues<char> AttributeNameEnd = SearchValues.Create("\t\n\f\r />=");
    private static readonly SearchValues<char> UnquotedValueEnd = SearchValues.Create("\t\n\f\r >");

    private readonly string _s;
    private readonly NameTable _names;
    private int _pos;
    private char[] _buf = new char[256];
    private int _bufLength;
    private bool _textInBuffer;
    private int _textStart;
    private int _textLength;
    private RawState _raw;
    private string _rawEndName = string.Empty;

    public HtmlScanner(string html, NameTable names)
    {
        _s = html;
        _names = names;
    }

    /// <summary>The kind of the token just read.</summary>
    public TokenKind Kind { get; private set; }

    /// <summary>The name id of the tag just read.</summary>
    public int Name { get; private set; }

    /// <summary>The tag just read ends in <c>/&gt;</c>.</summary>
    public bool SelfClosing { get; private set; }

    /// <summary>The rowspan attribute of a td or th, as written (references decoded); null where absent.</summary>
    public string? RowSpan { get; private set; }

    /// <summary>The colspan attribute of a td or th, as written; null where absent.</summary>
    public string? ColSpan { get; private set; }

    /// <summary>A font tag with color, face or size (which leaves foreign content).</summary>
    public bool FontAttributes { get; private set; }

    /// <summary>The doctype just read asks for quirks mode.</summary>
    public bool QuirksDoctype { get; private set; }

    /// <summary>Whether <c>&lt;![CDATA[</c> opens a CDATA section (only inside SVG and MathML).</summary>
    public bool AllowCData { get; set; }

    /// <summary>The text of a text token.</summary>
    public ReadOnlySpan<char> Text => _textInBuffer ? _buf.AsSpan(0, _bufLength) : _s.AsSpan(_textStart, _textLength);

    /// <summary>Drops the first character of the text token just read.</summary>
    public void SkipFirstChar()
    {
        if (_textInBuffer)
        {
            Array.Copy(_buf, 1, _buf, 0, --_bufLength);
        }
        else
        {
            _textStart++;
            _textLength--;
        }
    }

    /// <summary>Reads the content of the element just opened in <paramref name="state"/>, up to its end tag.</summary>
    public void SwitchTo(RawState state, int name)
    {
        _raw = state;
        _rawEndName = _names[name];
    }

    public TokenKind Next()
    {
        SelfClosing = false;
        if (_raw != RawState.None)
        {
            var raw = _raw;
            _raw = RawState.None;
            if (ScanRaw(raw))
            {
                return Kind = TokenKind.Text;
            }
        }

        while (_pos < _s.Length)
        {
            if (_s[_pos] == '<' && StartsMarkup(_pos))
            {
                return Kind = ScanMarkup();
            }

            return Kind = ScanText();
        }

        return Kind = TokenKind.EndOfFile;
    }

    private bool StartsMarkup(int i)
    {
        if (i + 1 >= _s.Length)
        {
            return false;
        }

        var c = _s[i + 1];
        if (char.IsAsciiLetter(c) || c is '!' or '?')
        {
            return true;
        }

        // "</" then anything is an end tag, a bogus comment, or "</>" (dropped); at the very end it is text.
        return c == '/' && i + 2 < _s.Length;
    }

    private TokenKind ScanText()
    {
        var start = _pos;
        var runStart = start;
        var buffered = false;
        while (true)
        {
            var rel = _s.AsSpan(_pos).IndexOfAny(TextStops);
            if (rel < 0)
            {
                _pos = _s.Length;
                break;
            }

            var i = _pos + rel;
            var c = _s[i];
            if (c == '<')
            {
                // A run of text ends at every '<', markup or not (a '<' that is not markup starts the next run), as
                // AngleSharp's tokenizer splits them: text inside a table moves out before it run by run.
                if (i > start || StartsMarkup(i))
                {
                    _pos = i;
                    break;
                }

                _pos = i + 1;
                continue;
            }

            if (!buffered)
            {
                buffered = true;
                _bufLength = 0;
            }

            Append(_s.AsSpan(runStart, i - runStart));
            switch (c)
            {
                case '&':
                    _pos = AppendReference(i, inAttribute: false);
                    break;
                case '\r':
                    Append('\n');
                    _pos = i + 1 < _s.Length && _s[i + 1] == '\n' ? i + 2 : i + 1;
                    break;
                default:
                    // A NUL in text is a parse error and is dropped.
                    _pos = i + 1;
                    break;
            }

            runStart = _pos;
        }

        if (buffered)
        {
            Append(_s.AsSpan(runStart, _pos - runStart));
            _textInBuffer = true;
        }
        else
        {
            _textInBuffer = false;
            _textStart = start;
            _textLength = _pos - start;
        }

        return TokenKind.Text;
    }

    private TokenKind ScanMarkup()
    {
        var c = _s[_pos + 1];
        if (c == '/')
        {
            var d = _s[_pos + 2];
            if (char.IsAsciiLetter(d))
            {
                return ScanTag(_pos + 2, TokenKind.EndTag);
            }

            if (d == '>')
            {
                // "</>" is dropped; it still ends a run of text, as a comment does.
                _pos += 3;
                return TokenKind.Comment;
            }

            return SkipBogusComment(_pos + 2);
        }

        if (c == '!')
        {
            if (At(_pos + 2, "--"))
            {
                return SkipComment(_pos + 4);
            }

            if (AtIgnoreCase(_pos + 2, "doctype"))
            {
                return ScanDoctype(_pos + 9);
            }

            if (AllowCData && At(_pos + 2, "[CDATA["))
            {
                var start = _pos + 9;
                var end = _s.IndexOf("]]>", start, StringComparison.Ordinal);
                _pos = end < 0 ? _s.Length : end + 3;
                SetRawText(start, (end < 0 ? _s.Length : end) - start, decode: false);
                return TokenKind.Text;
            }

            return SkipBogusComment(_pos + 2);
        }

        return c == '?' ? SkipBogusComment(_pos + 1) : ScanTag(_pos + 1, TokenKind.StartTag);
    }

    private TokenKind SkipBogusComment(int from)
    {
        var end = _s.IndexOf('>', from);
        _pos = end < 0 ? _s.Length : end + 1;
        return TokenKind.Comment;
    }

    private TokenKind SkipComment(int p)
    {
        // <!--> and <!---> are (abrupt) comments; otherwise the comment ends at the first --> or --!>.
        if (p < _s.Length && _s[p] == '>')
        {
            _pos = p + 1;
            return TokenKind.Comment;
        }

        if (At(p, "->"))
        {
            _pos = p + 2;
            return TokenKind.Comment;
        }

        while (true)
        {
            var dashes = _s.IndexOf("--", p, StringComparison.Ordinal);
            if (dashes < 0)
            {
                _pos = _s.Length;
                return TokenKind.Comment;
            }

            var j = dashes + 2;
            while (j < _s.Length && _s[j] == '-')
            {
                j++;
            }

            if (j < _s.Length && _s[j] == '>')
            {
                _pos = j + 1;
                return TokenKind.Comment;
            }

            if (At(j, "!>"))
            {
                _pos = j + 2;
                return TokenKind.Comment;
            }

            p = j;
        }
    }

    private TokenKind ScanDoctype(int p)
    {
        // Only what quirks mode needs: the name and the public and system identifiers.
        var quirks = false;
        string? name = null, publicId = null, systemId = null;
        p = SkipSpace(p);
        if (p < _s.Length && _s[p] != '>')
        {
            var end = p;
            while (end < _s.Length && !IsSpace(_s[end]) && _s[end] != '>')
            {
                end++;
            }

            name = _s[p..end].ToLowerInvariant();
            p = SkipSpace(end);
            if (AtIgnoreCase(p, "public"))
            {
                p = ReadIdentifier(SkipSpace(p + 6), ref quirks, out publicId);
                if (!quirks && p < _s.Length && _s[p] is '"' or '\'')
                {
                    p = ReadIdentifier(p, ref quirks, out systemId);
                }
            }
            else if (AtIgnoreCase(p, "system"))
            {
                p = ReadIdentifier(SkipSpace(p + 6), ref quirks, out systemId);
            }
            else if (p < _s.Length && _s[p] != '>')
            {
                quirks = true;
            }
        }
        else
        {
            quirks = true;
        }

        var close = p < _s.Length ? _s.IndexOf('>', p) : -1;
        _pos = close < 0 ? _s.Length : close + 1;
        QuirksDoctype = quirks || close < 0 || name != "html" || Quirks.IsQuirks(publicId, systemId);
        return TokenKind.Doctype;
    }

    private int ReadIdentifier(int p, ref bool quirks, out string? id)
    {
        id = null;
        if (p >= _s.Length || _s[p] is not ('"' or '\''))
        {
            quirks = true;
            return p;
        }

        var quote = _s[p];
        var end = p + 1;
        while (end < _s.Length && _s[end] != quote && _s[end] != '>')
        {
            end++;
        }

        id = _s[(p + 1)..end];
        if (end >= _s.Length || _s[end] == '>')
        {
            quirks = true;
            return end;
        }

        return SkipSpace(end + 1);
    }

    private TokenKind ScanTag(int p, TokenKind kind)
    {
        var rel = _s.AsSpan(p).IndexOfAny(TagNameEnd);
        if (rel < 0)
        {
            // The document ends inside the tag: the tag is dropped.
            _pos = _s.Length;
            return TokenKind.EndOfFile;
        }

        Name = InternLower(_s.AsSpan(p, rel));
        p += rel;
        var tag = NameTable.TagOf(Name);
        var formatting = kind == TokenKind.StartTag && IsFormatting(tag);
        var capture = kind == TokenKind.StartTag && (tag is Tag.Td or Tag.Th || formatting);
        RowSpan = null;
        ColSpan = null;
        FontAttributes = false;
        Attributes = string.Empty;
        _attributes?.Clear();
        var selfClosing = false;
        while (true)
        {
            p = SkipSpace(p);
            if (p >= _s.Length)
            {
                _pos = _s.Length;
                return TokenKind.EndOfFile;
            }

            var c = _s[p];
            if (c == '>')
            {
                p++;
                break;
            }

            if (c == '/')
            {
                p++;
                if (p < _s.Length && _s[p] == '>')
                {
                    selfClosing = true;
                    p++;
                    break;
                }

                continue;
            }

            // The first character of a name may be '='; the name runs to space, '/', '>' or '='.
            var nameStart = p;
            var nameRel = _s.AsSpan(p + 1).IndexOfAny(AttributeNameEnd);
            if (nameRel < 0)
            {
                _pos = _s.Length;
                return TokenKind.EndOfFile;
            }

            var nameEnd = p + 1 + nameRel;
            p = SkipSpace(nameEnd);
            if (p >= _s.Length)
            {
                _pos = _s.Length;
                return TokenKind.EndOfFile;
            }

            int valueStart = p, valueLength = 0;
            if (_s[p] == '=')
            {
                p = SkipSpace(p + 1);
                if (p >= _s.Length)
                {
                    _pos = _s.Length;
                    return TokenKind.EndOfFile;
                }

                var q = _s[p];
                if (q is '"' or '\'')
                {
                    var close = _s.IndexOf(q, p + 1);
                    if (close < 0)
                    {
                        _pos = _s.Length;
                        return TokenKind.EndOfFile;
                    }

                    valueStart = p + 1;
                    valueLength = close - valueStart;
                    p = close + 1;
                }
                else if (q != '>')
                {
                    var valueRel = _s.AsSpan(p).IndexOfAny(UnquotedValueEnd);
                    if (valueRel < 0)
                    {
                        _pos = _s.Length;
                        return TokenKind.EndOfFile;
                    }

                    valueStart = p;
                    valueLength = valueRel;
                    p += valueRel;
                }
            }

            if (capture)
            {
                Capture(tag, _s.AsSpan(nameStart, nameEnd - nameStart), valueStart, valueLength);
            }
        }

        _pos = p;
        SelfClosing = selfClosing;
        if (formatting && _attributes is { Count: > 0 })
        {
            // Sorted by name, a repeated attribute dropped (the first one counts): one string per attribute set.
            _attributes.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : a.Order.CompareTo(b.Order));
            var sb = new System.Text.StringBuilder();
            for (var i = 0; i < _attributes.Count; i++)
            {
                if (i == 0 || _attributes[i].Name != _attributes[i - 1].Name)
                {
                    sb.Append(_attributes[i].Name).Append('=').Append(_attributes[i].Value).Append('\0');
                }
            }

            Attributes = sb.ToString();
        }

        return kind;
    }

    /// <summary>The formatting elements the rules reopen when a block cut them off (b, font, a ...).</summary>
    public static bool IsFormatting(Tag tag) => tag is Tag.A or Tag.B or Tag.Big or Tag.Code or Tag.Em or Tag.Font or Tag.I
        or Tag.Nobr or Tag.S or Tag.Small or Tag.Strike or Tag.Strong or Tag.Tt or Tag.U;

    /// <summary>The attributes of a formatting element, in one string (equal strings: equal attribute sets).</summary>
    public string Attributes { get; private set; } = string.Empty;

    private List<(string Name, string Value, int Order)>? _attributes;

    private void Capture(Tag tag, ReadOnlySpan<char> name, int valueStart, int valueLength)
    {
        if (IsFormatting(tag))
        {
            var chars = name.ToArray();
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = char.IsAsciiLetterUpper(chars[i]) ? (char)(chars[i] | 0x20) : chars[i];
            }

            var lower = new string(chars);
            _attributes ??= [];
            _attributes.Add((lower, AttributeValue(valueStart, valueLength), _attributes.Count));

            FontAttributes |= tag == Tag.Font && lower is "color" or "face" or "size";
            return;
        }

        // A repeated attribute is ignored: the first one counts.
        if (RowSpan is null && name.Equals("rowspan", StringComparison.OrdinalIgnoreCase))
        {
            RowSpan = AttributeValue(valueStart, valueLength);
        }
        else if (ColSpan is null && name.Equals("colspan", StringComparison.OrdinalIgnoreCase))
        {
            ColSpan = AttributeValue(valueStart, valueLength);
        }
    }

    private string AttributeValue(int start, int length)
    {
        var value = _s.AsSpan(start, length);
        if (!value.Contains('&'))
        {
            return value.ToString();
        }

        _bufLength = 0;
        var end = start + length;
        var p = start;
        while (p < end)
        {
            var amp = _s.IndexOf('&', p, end - p);
            if (amp < 0)
            {
                Append(_s.AsSpan(p, end - p));
                break;
            }

            Append(_s.AsSpan(p, amp - p));
            p = Math.Min(AppendReference(amp, inAttribute: true), end);
        }

        return new string(_buf, 0, _bufLength);
    }

    private bool ScanRaw(RawState state)
    {
        var start = _pos;
        var end = state switch
        {
            RawState.PlainText => _s.Length,
            RawState.ScriptData => FindScriptEnd(start),
            _ => FindEndTag(start),
        };
        _pos = end;
        if (end == start)
        {
            return false;
        }

        SetRawText(start, end - start, decode: state == RawState.RcData);
        return true;
    }

    private void SetRawText(int start, int length, bool decode)
    {
        var span = _s.AsSpan(start, length);
        if (!(decode ? span.ContainsAny(TextStops) : span.ContainsAny(RawStops)))
        {
            _textInBuffer = false;
            _textStart = start;
            _textLength = length;
            return;
        }

        _textInBuffer = true;
        _bufLength = 0;
        var end = start + length;
        var p = start;
        while (p < end)
        {
            var c = _s[p];
            if (c == '&' && decode)
            {
                p = Math.Min(AppendReference(p, inAttribute: false), end);
            }
            else if (c == '\r')
            {
                Append('\n');
                p = p + 1 < end && _s[p + 1] == '\n' ? p + 2 : p + 1;
            }
            else
            {
                Append(c == '\0' ? '\uFFFD' : c);
                p++;
            }
        }
    }

    /// <summary>Where the RCDATA or RAWTEXT content ends: at its element's end tag, else at the end of the input.</summary>
    private int FindEndTag(int p)
    {
        while (true)
        {
            var lt = _s.IndexOf("</", p, StringComparison.Ordinal);
            if (lt < 0)
            {
                return _s.Length;
            }

            if (IsEndTagOf(lt))
            {
                return lt;
            }

            p = lt + 2;
        }
    }

    private bool IsEndTagOf(int lt)
    {
        var after = lt + 2 + _rawEndName.Length;
        return after < _s.Length
            && _s.AsSpan(lt + 2, _rawEndName.Length).Equals(_rawEndName, StringComparison.OrdinalIgnoreCase)
            && (IsSpace(_s[after]) || _s[after] is '/' or '>');
    }

    /// <summary>
    /// Where script data ends, following the tokenizer's escape states: inside <c>&lt;!--</c> a nested
    /// <c>&lt;script&gt;</c> hides the next <c>&lt;/script&gt;</c> (old pages write scripts with document.write this way).
    /// </summary>
    private int FindScriptEnd(int p)
    {
        const int Data = 0, Escaped = 1, DoubleEscaped = 2;
        var state = Data;
        var dashes = 0;
        while (p < _s.Length)
        {
            var c = _s[p];
            if (state == Data)
            {
                var lt = _s.IndexOf('<', p);
                if (lt < 0)
                {
                    return _s.Length;
                }

                p = lt;
                if (IsEndTagOf(p))
                {
                    return p;
                }

                if (At(p + 1, "!--"))
                {
                    state = Escaped;
                    dashes = 2;
                    p += 4;
                    continue;
                }

                p++;
                continue;
            }

            if (c == '-')
            {
                dashes++;
                p++;
                continue;
            }

            if (c == '>' && dashes >= 2)
            {
                state = Data;
                dashes = 0;
                p++;
                continue;
            }

            dashes = 0;
            if (c != '<')
            {
                p++;
                continue;
            }

            if (state == Escaped)
            {
                if (IsEndTagOf(p))
                {
                    return p;
                }

                if (IsScriptWord(p + 1))
                {
                    state = DoubleEscaped;
                    p += 7;
                    continue;
                }
            }
            else if (p + 1 < _s.Length && _s[p + 1] == '/' && IsScriptWord(p + 2))
            {
                state = Escaped;
                p += 8;
                continue;
            }

            p++;
        }

        return _s.Length;
    }

    // "script" (any case) followed by space, '/' or '>'.
    private bool IsScriptWord(int p) =>
        p + 6 < _s.Length && _s.AsSpan(p, 6).Equals("script", StringComparison.OrdinalIgnoreCase)
        && (IsSpace(_s[p + 6]) || _s[p + 6] is '/' or '>');

    /// <summary>
    /// Decodes the character reference at <paramref name="amp"/> into the buffer the way AngleSharp's tokenizer does,
    /// and returns the position after it. Where there is no reference, appends the '&amp;' alone.
    /// </summary>
    private int AppendReference(int amp, bool inAttribute)
    {
        var p = amp + 1;
        if (p >= _s.Length || IsSpace(_s[p]) || _s[p] is '<' or '&')
        {
            Append('&');
            return p;
        }

        if (_s[p] == '#')
        {
            return AppendNumericReference(amp, p + 1);
        }

        var nameEnd = p;
        while (nameEnd < _s.Length && nameEnd - p < 31 && IsNameChar(_s[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd == p && _s[p] == ';')
        {
            // AngleSharp reads "&;" as "&": the semicolon goes.
            Append('&');
            return p + 1;
        }

        if (nameEnd < _s.Length && _s[nameEnd] == ';' && nameEnd > p)
        {
            var symbol = Common(_s.AsSpan(p, nameEnd - p)) ?? Resolve(p, nameEnd - p + 1);
            if (symbol is not null)
            {
                Append(symbol);
                return nameEnd + 1;
            }
        }

        // Without the semicolon only the legacy names (amp, nbsp, copy ...) resolve: the longest one wins.
        for (var length = nameEnd - p; length > 0; length--)
        {
            if (Resolve(p, length) is { } symbol)
            {
                var next = p + length;
                if (inAttribute && next < _s.Length && (_s[next] == '=' || char.IsAsciiLetterOrDigit(_s[next])))
                {
                    break;
                }

                Append(symbol);
                return next;
            }
        }

        Append('&');
        return p;
    }

    private int AppendNumericReference(int amp, int p)
    {
        var hex = p < _s.Length && _s[p] is 'x' or 'X';
        if (hex)
        {
            p++;
        }

        var digitsStart = p;
        var code = 0;
        while (p < _s.Length && (hex ? char.IsAsciiHexDigit(_s[p]) : char.IsAsciiDigit(_s[p])))
        {
            // Saturate past the largest code point: the result is U+FFFD either way.
            code = Math.Min(code * (hex ? 16 : 10) + HexValue(_s[p]), 0x110000);
            p++;
        }

        if (p == digitsStart)
        {
            Append('&');
            return amp + 1;
        }

        if (p < _s.Length && _s[p] == ';')
        {
            p++;
        }

        if (HtmlEntityProvider.IsInCharacterTable(code))
        {
            Append(HtmlEntityProvider.GetSymbolFromTable(code) ?? "\uFFFD");
        }
        else if (HtmlEntityProvider.IsInvalidNumber(code))
        {
            Append('\uFFFD');
        }
        else if (code < 0x10000)
        {
            Append((char)code);
        }
        else
        {
            Append(char.ConvertFromUtf32(code));
        }

        return p;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    // The references Word and CMS pages use most, without touching the entity table.
    private static string? Common(ReadOnlySpan<char> name) => name switch
    {
        "nbsp" => "\u00A0",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        _ => null,
    };

    private string? Resolve(int start, int length) =>
        HtmlEntityProvider.ResolverExtended.GetSymbol(new StringOrMemory(_s.AsMemory(start, length)));

    // AngleSharp's name characters for references: ASCII letters and digits, '_', '-', and anything non-ASCII.
    private static bool IsNameChar(char c) => c >= 0x80 || char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    private int InternLower(ReadOnlySpan<char> name)
    {
        if (!name.ContainsAnyInRange('A', 'Z') && !name.Contains('\0'))
        {
            return _names.Intern(name);
        }

        Span<char> lower = name.Length <= 64 ? stackalloc char[name.Length] : new char[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            lower[i] = c == '\0' ? '\uFFFD' : char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }

        return _names.Intern(lower);
    }

    private int SkipSpace(int p)
    {
        while (p < _s.Length && IsSpace(_s[p]))
        {
            p++;
        }

        return p;
    }

    internal static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    private bool At(int p, string s) => p + s.Length <= _s.Length && _s.AsSpan(p, s.Length).SequenceEqual(s);

    private bool AtIgnoreCase(int p, string s) =>
        p + s.Length <= _s.Length && _s.AsSpan(p, s.Length).Equals(s, StringComparison.OrdinalIgnoreCase);

    private void Append(char c)
    {
        if (_bufLength == _buf.Length)
        {
            Array.Resize(ref _buf, _buf.Length * 2);
        }

        _buf[_bufLength++] = c;
    }

    private void Append(ReadOnlySpan<char> s)
    {
        if (_bufLength + s.Length > _buf.Length)
        {
            Array.Resize(ref _buf, Math.Max(_buf.Length * 2, _bufLength + s.Length));
        }

        s.CopyTo(_buf.AsSpan(_bufLength));
        _bufLength += s.Length;
    }
}
