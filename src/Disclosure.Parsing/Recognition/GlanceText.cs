using System.Buffers;
using System.Text;

namespace Disclosure.Parsing.Recognition;

/// <summary>
/// The words of a page for a glance before it is read: markup and comments dropped, character references decoded,
/// full-width and compatibility forms folded as <see cref="LabelText.Fold"/> folds them, whitespace removed. Two
/// views: <see cref="Plain"/> keeps punctuation (headings, titles); <see cref="Letters"/> also drops what
/// <see cref="LabelText.Normalize"/> drops (labels). Every word a reader shows is whole in them; the text of elements a
/// reader skips (menus, scripts) is there too, which only widens the glance, never narrows it. For a page, it also
/// keeps where the cells of data tables are (tables without tables inside: the others are layout, whose cells a
/// reader shows as paragraphs), since only labels printed there are a statistical table's.
/// </summary>
internal sealed class GlanceText : IDisposable
{
    // Legacy references a page may write without the semicolon, and which are whitespace to every reader.
    private static readonly string[] SpaceReferences = ["nbsp", "ensp", "emsp", "thinsp", "emsp13", "emsp14", "numsp", "puncsp", "hairsp", "zwsp", "zwnj", "zwj"];

    // What each character NFKC leaves alone is to the glance (LabelText.IsFoldStable): a space, a letter (kept in
    // both views) or punctuation (kept in Plain only). Every page is mostly such characters.
    private const byte Space = 1;
    private const byte Letter = 2;
    private const byte Mark = 3;
    private static readonly byte[] Kinds = BuildKinds();

    // Tables nested deeper than this (each at least table, row and cell: 3 of the 512 levels readers keep) may be
    // flattened by a reader; see StartTag.
    private const int MaxNestedTables = 100;

    // NFKC of any other character, computed once per character met.
    private static readonly string?[] Folds = new string?[char.MaxValue + 1];

    private readonly List<OpenTable> _tables = [];
    private readonly List<(int Start, int End)> _cells = [];
    private char[] _plain;
    private char[] _letters;
    private bool[] _breaks;
    private int _plainLength;
    private int _lettersLength;
    private bool _pendingBreak;
    private bool _markup;
    private (int Start, int End)? _title;

    // Most of a page is markup, scripts and spaces, which the views leave out: they start small and grow.
    private GlanceText(int length)
    {
        var capacity = Math.Clamp(length / 4, 256, 64 * 1024);
        _plain = ArrayPool<char>.Shared.Rent(capacity);
        _letters = ArrayPool<char>.Shared.Rent(capacity);
        _breaks = ArrayPool<bool>.Shared.Rent(capacity);
    }

    /// <summary>The page's characters, punctuation kept.</summary>
    public ReadOnlySpan<char> Plain => _plain.AsSpan(0, _plainLength);

    /// <summary>Where in <see cref="Plain"/> the page's own title (its first &lt;title&gt;) stands, if it has one.</summary>
    public (int Start, int End)? TitleElement => _title;

    /// <summary>The page's characters without punctuation and symbols, as labels are compared.</summary>
    public ReadOnlySpan<char> Letters => _letters.AsSpan(0, _lettersLength);

    /// <summary>How many stretches of <see cref="Letters"/> may be a table cell's text (plain text: one, all of it).</summary>
    public int CellCount => _markup ? _cells.Count : 1;

    /// <summary>The letters of the <paramref name="index"/>th cell of a data table (plain text: all of them, any line may be a row).</summary>
    public ReadOnlySpan<char> Cell(int index) =>
        _markup ? _letters.AsSpan(_cells[index].Start, _cells[index].End - _cells[index].Start) : Letters;

    /// <summary>
    /// Whether a line may end before <see cref="Plain"/>[<paramref name="index"/>]: whitespace or a tag stood there
    /// (a tag may close a block), or the text ends.
    /// </summary>
    public bool BreakBefore(int index) => index >= _plainLength || _breaks[index];

    /// <summary>Flattens <paramref name="text"/>: an HTML page when <paramref name="markup"/>, else plain text taken as it is.</summary>
    public static GlanceText Of(ReadOnlySpan<char> text, bool markup)
    {
        var glance = new GlanceText(text.Length) { _markup = markup };
        if (markup)
        {
            glance.ReadMarkup(text);
            while (glance._tables.Count > 0)
            {
                glance.CloseTable();
            }
        }
        else
        {
            glance.Emit(text);
        }

        return glance;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_plain);
        ArrayPool<char>.Shared.Return(_letters);
        ArrayPool<bool>.Shared.Return(_breaks);
        _plain = _letters = [];
        _breaks = [];
    }

    private static byte[] BuildKinds()
    {
        var kinds = new byte[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if (LabelText.IsFoldStable(ch))
            {
                kinds[c] = ch == '\u3000' || LabelText.IsSpace(ch) ? Space : LabelText.IsDropped(ch) ? Mark : Letter;
            }
        }

        return kinds;
    }

    private void ReadMarkup(ReadOnlySpan<char> html)
    {
        var i = 0;
        while (i < html.Length)
        {
            var run = html[i..].IndexOfAny('<', '&');
            var end = run < 0 ? html.Length : i + run;
            Emit(html[i..end]);
            if (end == html.Length)
            {
                break;
            }

            if (html[end] == '&')
            {
                i = Reference(html, end);
            }
            else if (end + 1 < html.Length && IsTagStart(html[end + 1]))
            {
                _pendingBreak = true;
                i = SkipMarkup(html, end);
                _pendingBreak = true;
            }
            else
            {
                Emit(html.Slice(end, 1));
                i = end + 1;
            }
        }
    }

    // As the HTML tokenizer has it: '<' opens markup only before a letter, '/', '!' or '?'; else it is text.
    private static bool IsTagStart(char c) => char.IsAsciiLetter(c) || c is '/' or '!' or '?';

    /// <summary>Skips a tag, comment or declaration at <paramref name="i"/>; a raw-text element's content is read as text.</summary>
    private int SkipMarkup(ReadOnlySpan<char> html, int i)
    {
        if (html[i..].StartsWith("<!--", StringComparison.Ordinal))
        {
            var end = html[(i + 4)..].IndexOf("-->", StringComparison.Ordinal);
            return end < 0 ? html.Length : i + 4 + end + 3;
        }

        var close = html[i..].IndexOf('>');
        var after = close < 0 ? html.Length : i + close + 1;
        var isEnd = html[i + 1] == '/';
        var nameStart = isEnd ? i + 2 : i + 1;
        var nameEnd = nameStart;
        while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
        {
            nameEnd++;
        }

        var tag = Classify(html[nameStart..nameEnd]);
        if (isEnd || !char.IsAsciiLetter(html[i + 1]))
        {
            if (isEnd)
            {
                EndTag(tag);
            }

            return after;
        }

        StartTag(tag);
        if (tag < Tag.Script || after >= html.Length)
        {
            return after;
        }

        var endTag = html[after..].IndexOf(("</" + html[nameStart..nameEnd].ToString()).AsSpan(), StringComparison.OrdinalIgnoreCase);
        var content = html[after..(endTag < 0 ? html.Length : after + endTag)];

        // Scripts and styles hold code, which no reader shows as text (the HTML reader skips both).
        if (tag == Tag.Script)
        {
            return after + content.Length;
        }

        var start = _plainLength;
        for (var j = 0; j < content.Length;)
        {
            var amp = content[j..].IndexOf('&');
            var end = amp < 0 ? content.Length : j + amp;
            Emit(content[j..end]);
            j = end < content.Length ? Reference(content, end) : end;
        }

        if (tag == Tag.Title && _title is null)
        {
            _title = (start, _plainLength);
        }

        return after + content.Length;
    }

    // The tags the glance tells apart; everything from Script on holds text, not markup, up to its end tag.
    private enum Tag
    {
        Other,
        Table,
        Cell,
        Row,
        Script,
        Title,
        RawText,
    }

    private static Tag Classify(ReadOnlySpan<char> name)
    {
        static bool Is(ReadOnlySpan<char> name, string tag) => name.Equals(tag, StringComparison.OrdinalIgnoreCase);
        return name.Length switch
        {
            2 when Is(name, "td") || Is(name, "th") => Tag.Cell,
            2 when Is(name, "tr") => Tag.Row,
            3 when Is(name, "xmp") => Tag.RawText,
            5 when Is(name, "table") => Tag.Table,
            5 when Is(name, "tbody") || Is(name, "thead") || Is(name, "tfoot") => Tag.Row,
            5 when Is(name, "style") => Tag.Script,
            5 when Is(name, "title") => Tag.Title,
            6 when Is(name, "script") => Tag.Script,
            6 when Is(name, "iframe") => Tag.RawText,
            7 when Is(name, "noembed") => Tag.RawText,

            // A template's content is not part of the page's tree: read as text, its tables are nobody's.
            8 when Is(name, "textarea") || Is(name, "noframes") || Is(name, "template") => Tag.RawText,
            _ => Tag.Other,
        };
    }

    // Tables as the HTML parser builds them, as far as cells go: a table opened inside a cell is nested (and makes
    // the tables around it layout); opened elsewhere in a table, it closes that one first. A row or row group
    // starting or ending ends the cell before it.
    private void StartTag(Tag tag)
    {
        if (tag == Tag.Table)
        {
            if (_tables.Count > 0 && !_tables[^1].InCell)
            {
                CloseTable();
            }

            // The table it opens in is layout; the ones around that were made layout when it opened in them. Past
            // the depth a reader keeps nesting (browsers flatten deeper elements), nested tables may not be nested
            // to the reader: none makes another layout, which only widens the glance.
            if (_tables.Count is > 0 and < MaxNestedTables)
            {
                _tables[^1].Layout = true;
            }

            _tables.Add(new OpenTable());
        }
        else if (tag == Tag.Cell && _tables.Count > 0)
        {
            EndCell();
            _tables[^1].InCell = true;
            _tables[^1].CellStart = _lettersLength;
        }
        else if (tag == Tag.Row)
        {
            EndCell();
        }
    }

    private void EndTag(Tag tag)
    {
        if (tag == Tag.Table)
        {
            if (_tables.Count > 0)
            {
                CloseTable();
            }
        }
        else if (tag is Tag.Cell or Tag.Row)
        {
            EndCell();
        }
    }

    // Ends the cell open in the innermost table, if any, keeping its stretch of letters with the table.
    private void EndCell()
    {
        if (_tables.Count > 0 && _tables[^1] is { InCell: true } table)
        {
            table.Cells.Add((table.CellStart, _lettersLength));
            table.InCell = false;
        }
    }

    private void CloseTable()
    {
        EndCell();
        var table = _tables[^1];
        _tables.RemoveAt(_tables.Count - 1);
        if (!table.Layout)
        {
            _cells.AddRange(table.Cells);
        }

        // The cell the table stood in goes on after it.
        if (_tables.Count > 0 && _tables[^1].InCell)
        {
            _tables[^1].CellStart = _lettersLength;
        }
    }

    /// <summary>Decodes the character reference at <paramref name="i"/> (or takes a bare '&amp;' as text); returns where reading goes on.</summary>
    private int Reference(ReadOnlySpan<char> html, int i)
    {
        var j = i + 1;
        if (j < html.Length && html[j] == '#')
        {
            var hex = j + 1 < html.Length && html[j + 1] is 'x' or 'X';
            var start = hex ? j + 2 : j + 1;
            var end = start;
            var code = 0L;
            while (end < html.Length && end - start < 8 && (hex ? char.IsAsciiHexDigit(html[end]) : char.IsAsciiDigit(html[end])))
            {
                var digit = html[end];
                code = (code * (hex ? 16 : 10)) + (char.IsAsciiDigit(digit) ? digit - '0' : (digit | 0x20) - 'a' + 10);
                end++;
            }

            if (end == start)
            {
                Emit(html.Slice(i, 1));
                return i + 1;
            }

            if (end < html.Length && html[end] == ';')
            {
                end++;
            }

            Emit(code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32((int)code) : "\uFFFD");
            return end;
        }

        if (j == html.Length || !char.IsAsciiLetter(html[j]))
        {
            Emit(html.Slice(i, 1));
            return i + 1;
        }

        var nameEnd = j;
        while (nameEnd < html.Length && nameEnd - j < 32 && char.IsAsciiLetterOrDigit(html[nameEnd]))
        {
            nameEnd++;
        }

        var name = html[j..nameEnd];
        if (nameEnd < html.Length && html[nameEnd] == ';')
        {
            // A whitespace reference goes like whitespace; any other stands as one character that is neither a letter
            // nor a digit (U+FFFD, a symbol), so that no word is made across it that a reader would not see.
            foreach (var space in SpaceReferences)
            {
                if (name.Equals(space, StringComparison.OrdinalIgnoreCase))
                {
                    _pendingBreak = true;
                    return nameEnd + 1;
                }
            }

            Emit("\uFFFD");
            return nameEnd + 1;
        }

        // Without its semicolon only a legacy name is a reference, and then only its own letters.
        if (name.StartsWith("nbsp", StringComparison.Ordinal))
        {
            _pendingBreak = true;
            return j + 4;
        }

        Emit(html.Slice(i, 1));
        return i + 1;
    }

    /// <summary>Appends text folded: spaces dropped (leaving a possible line end), punctuation to Plain only.</summary>
    private void Emit(ReadOnlySpan<char> text)
    {
        EnsureRoom(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (Kinds[c])
            {
                case Space:
                    _pendingBreak = true;
                    break;
                case Letter:
                    _breaks[_plainLength] = _pendingBreak;
                    _pendingBreak = false;
                    _plain[_plainLength++] = c;
                    _letters[_lettersLength++] = c;
                    break;
                case Mark:
                    _breaks[_plainLength] = _pendingBreak;
                    _pendingBreak = false;
                    _plain[_plainLength++] = c;
                    break;
                default:
                    i += EmitFolded(text, i) - 1;
                    break;
            }
        }
    }

    /// <summary>A character NFKC changes (or a surrogate pair), folded; returns how many characters it took.</summary>
    private int EmitFolded(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        string folded;
        var taken = 1;
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            folded = text.Slice(i, 2).ToString().Normalize(NormalizationForm.FormKC);
            taken = 2;
        }
        else
        {
            folded = char.IsSurrogate(c) ? "\uFFFD" : Folds[c] ??= c.ToString().Normalize(NormalizationForm.FormKC);
        }

        EnsureRoom(folded.Length + text.Length - i - taken);
        foreach (var f in folded)
        {
            if (f == '\u3000' || LabelText.IsSpace(f))
            {
                _pendingBreak = true;
                continue;
            }

            _breaks[_plainLength] = _pendingBreak;
            _pendingBreak = false;
            _plain[_plainLength++] = f;
            if (!LabelText.IsDropped(f))
            {
                _letters[_lettersLength++] = f;
            }
        }

        return taken;
    }

    // Room for `more` characters more in every view.
    private void EnsureRoom(int more)
    {
        var need = _plainLength + more + 32;
        if (need > _plain.Length)
        {
            Grow(ref _plain, _plainLength, need);
        }

        if (need > _breaks.Length)
        {
            Grow(ref _breaks, _plainLength, need);
        }

        if (_lettersLength + more + 32 > _letters.Length)
        {
            Grow(ref _letters, _lettersLength, _lettersLength + more + 32);
        }
    }

    private static void Grow<T>(ref T[] buffer, int length, int need)
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(need, buffer.Length * 2));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<T>.Shared.Return(buffer);
        buffer = larger;
    }

    private sealed class OpenTable
    {
        public bool InCell { get; set; }

        public bool Layout { get; set; }

        public int CellStart { get; set; }

        public List<(int Start, int End)> Cells { get; } = [];
    }
}
