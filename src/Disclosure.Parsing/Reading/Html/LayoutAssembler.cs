using Disclosure.Parsing.Layout;

namespace Disclosure.Parsing.Reading.Html;

/// <summary>
/// Turns the elements and text the tree builder inserts into paragraphs and table grids, as they stream past: what
/// the DOM walker of earlier versions computed from a whole document, without the document. It keeps one frame per
/// open element (where its text goes), a paragraph buffer, and per open table its rows and cells.
/// <para>
/// The walker's rules: text joins the current paragraph; a block element ends the paragraph before and after it;
/// <c>&lt;br&gt;</c> is a line break; skipped elements (<see cref="HtmlReaderOptions.SkippedElements"/>) are not read;
/// a table with no table inside is a grid whose cells are read with their own rules (only script and style are left
/// out, block elements are line breaks); a table with a table inside is page layout, read as if it were not there.
/// </para>
/// <para>
/// Whether a table holds another table is known only when the inner one starts, so until then a table is read both
/// ways: as cells, and as the paragraphs it would be if it were layout. At most one table is undecided at a time, the
/// innermost: a table that starts decides every table around it. Text a page puts inside a table but outside its cells
/// belongs before the table (browsers move it there), so each table keeps that text until it ends, in a slot before
/// its own output.
/// </para>
/// </summary>
internal sealed class LayoutAssembler
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
        "main", "aside", "blockquote", "pre", "address", "center", "figure", "figcaption", "hr", "table", "tr",
        "td", "th", "tbody", "thead", "tfoot", "caption", "body", "html",
    };

    /// <summary>
    /// The deepest level elements nest at (the root is level 1), as in AngleSharp and Chromium: deeper elements
    /// follow their would-be parent. Text keeps its source order, where a DOM would leave it in an earlier sibling.
    /// </summary>
    internal const int MaxDepth = 512;

    private readonly HtmlReaderOptions _options;
    private readonly NameTable _names;
    private readonly Writer _root = new(new TextBuffer(), []);
    private readonly TextBuffer _cellText = new();
    private Frame[] _frames = new Frame[64];
    private NameKind[] _kinds = [];

    public LayoutAssembler(HtmlReaderOptions options, NameTable names)
    {
        _options = options;
        _names = names;
    }

    [Flags]
    private enum NameKind : byte
    {
        Known = 1,
        Block = 2,
        Skipped = 4,
        SkippedInCell = 8,
    }

    private enum Role : byte
    {
        None,
        Table,
        Section,
        Row,
    }

    private enum SectionKind : byte
    {
        Body,
        Head,
        Foot,
    }

    /// <summary>The body element opened at <paramref name="index"/>: its content is the document's.</summary>
    public void OpenBody(int index)
    {
        EnsureFrame(index);
        _frames[index] = new Frame { W = _root, ParentW = _root, Depth = 2 };
    }

    /// <summary>An element opened at <paramref name="index"/> outside the body (html, head and what is in it): not read.</summary>
    public void OpenOutside(int index)
    {
        EnsureFrame(index);
        _frames[index] = new Frame { Depth = 2 };
    }

    /// <summary>
    /// An element opened at stack <paramref name="index"/>, inside the element at <paramref name="parent"/>, or, where
    /// <paramref name="fosterTable"/> is not -1, moved out of that open table to just before it. <paramref name="tag"/>
    /// is <see cref="Tag.Other"/> for elements the rules do not know as HTML (SVG, and what a select holds).
    /// </summary>
    public void Open(int index, int parent, int fosterTable, int name, Tag tag, string? rowSpan, string? colSpan)
    {
        EnsureFrame(index);
        Writer? w;
        CellState? c;
        TableState? inTable;
        Frame parentFrame;
        int depth;
        if (fosterTable >= 0)
        {
            // Before the table, as its sibling.
            ref var table = ref _frames[fosterTable];
            w = table.Table?.Foster;
            c = null;
            inTable = table.Table?.Outer;
            depth = table.Depth;
            parentFrame = default;
        }
        else if (_frames[parent].Depth >= MaxDepth)
        {
            // Past the deepest level browsers nest, an element follows its would-be parent instead.
            ref var sibling = ref _frames[parent];
            w = sibling.ParentW;
            c = sibling.ParentC;
            inTable = sibling.ParentInTable;
            depth = sibling.Depth;
            parentFrame = default;
        }
        else
        {
            parentFrame = _frames[parent];
            w = parentFrame.W;
            c = parentFrame.C;
            inTable = parentFrame.InTable;
            depth = parentFrame.Depth + 1;
        }

        if (c is { Table.IsLayout: true })
        {
            c = null;
        }

        var kind = KindOf(name);
        var f = new Frame { ParentW = w, ParentC = c, ParentInTable = inTable, InTable = inTable, Depth = depth };

        // The walker's rules, in its order: line break, table, skipped, block.
        if (w is not null)
        {
            if (tag == Tag.Br)
            {
                w.Append('\n');
            }
            else if (tag == Tag.Table)
            {
                // Set up below.
            }
            else if ((kind & NameKind.Skipped) != 0)
            {
                w = null;
            }
            else if ((kind & NameKind.Block) != 0)
            {
                w.Flush();
                f.FlushOnClose = w;
            }
        }

        // A data cell's rules: only script and style are left out, block elements are line breaks.
        if (c is not null)
        {
            if (tag == Tag.Br)
            {
                AppendToCell(c, "\n");
            }
            else if ((kind & NameKind.SkippedInCell) != 0)
            {
                c = null;
            }
            else if ((kind & NameKind.Block) != 0)
            {
                AppendToCell(c, "\n");
                f.NewlineOnClose = c;
            }
        }

        switch (tag)
        {
            case Tag.Table:
                // The table it is in holds a table now: it is page layout. (The tables around that one are already.)
                if (inTable is { IsLayout: false })
                {
                    ToLayout(inTable);
                }

                c = null;
                if (w is not null)
                {
                    var table = new TableState(w, inTable, (kind & NameKind.Skipped) != 0);
                    f.Role = Role.Table;
                    f.Table = table;
                    f.InTable = table;
                    w = table.Shadow;
                }

                break;
            case Tag.Tbody or Tag.Thead or Tag.Tfoot when parentFrame is { Role: Role.Table, Table.IsLayout: false }:
                f.Role = Role.Section;
                f.Table = parentFrame.Table;
                f.Section = tag == Tag.Thead ? SectionKind.Head : tag == Tag.Tfoot ? SectionKind.Foot : SectionKind.Body;
                break;
            case Tag.Tr when parentFrame is { Role: Role.Section or Role.Table, Table.IsLayout: false }:
                f.Role = Role.Row;
                f.Table = parentFrame.Table;
                f.Row = parentFrame.Table!.AddRow(parentFrame.Section);
                break;
            case Tag.Td or Tag.Th when parentFrame is { Role: Role.Row, Table.IsLayout: false }:
                c = new CellState(parentFrame.Table!, ParseSpan(rowSpan, 65534), ParseSpan(colSpan, 1000), _cellText.Length);
                parentFrame.Row!.Add(c);
                break;
        }

        f.W = w;
        f.C = c;
        _frames[index] = f;
    }

    /// <summary>The element at <paramref name="index"/> closed.</summary>
    public void Close(int index)
    {
        ref var f = ref _frames[index];
        f.FlushOnClose?.Flush();
        if (f.NewlineOnClose is { Table.IsLayout: false } cell)
        {
            AppendToCell(cell, "\n");
        }

        if (f.Role == Role.Table && f.Table is { } table)
        {
            CloseTable(table);
        }

        f = default;
    }

    /// <summary>Text inserted into the element at <paramref name="index"/>.</summary>
    public void Text(int index, ReadOnlySpan<char> text)
    {
        ref var f = ref _frames[index];
        f.W?.Append(text);
        if (f.C is { Table.IsLayout: false } cell)
        {
            AppendToCell(cell, text);
        }
    }

    /// <summary>
    /// Cells keep their text in one buffer for the whole page, each a range of it: only one cell takes text at a time.
    /// (Should an earlier cell take text again, its range moves to the end first.)
    /// </summary>
    private void AppendToCell(CellState cell, ReadOnlySpan<char> text)
    {
        if (cell.End != _cellText.Length)
        {
            var start = _cellText.Length;
            _cellText.Append(_cellText.Span[cell.Start..cell.End].ToArray());
            cell.Start = start;
        }

        _cellText.Append(text);
        cell.End = _cellText.Length;
    }

    /// <summary>Text inside the open table at <paramref name="tableIndex"/> but outside its cells: it reads before the table.</summary>
    public void FosterText(int tableIndex, ReadOnlySpan<char> text) => _frames[tableIndex].Table?.Foster.Append(text);

    public LayoutDocument Finish(string? title)
    {
        _root.Flush();
        var blocks = new List<LayoutBlock>();
        var paragraphs = 0;
        var tables = 0;

        // Slots (what reads before a table) nest where a page puts a table before a table; no recursion for them.
        var pending = new Stack<IEnumerator<Draft>>();
        pending.Push(_root.Output.GetEnumerator());
        while (pending.Count > 0)
        {
            var drafts = pending.Peek();
            if (!drafts.MoveNext())
            {
                pending.Pop();
                continue;
            }

            switch (drafts.Current)
            {
                case ParagraphDraft p:
                    blocks.Add(new LayoutParagraph(p.Text, $"paragraph {++paragraphs}"));
                    break;
                case SlotDraft s:
                    pending.Push(s.Drafts.GetEnumerator());
                    break;
                case TableDraft t:
                    var number = ++tables;
                    var cells = new List<LayoutCell>(t.Cells.Count);
                    foreach (var cell in t.Cells)
                    {
                        cells.Add(new LayoutCell(cell.Text, cell.Row, cell.Column, cell.RowSpan, cell.ColumnSpan,
                            $"table {number}, row {cell.Row + 1}, col {cell.Column + 1}"));
                    }

                    if (!TableBlocks.Add(blocks, number, cells, t.Aligned, ref paragraphs))
                    {
                        tables--;
                    }

                    break;
            }
        }

        var cleanTitle = title is null ? string.Empty : HtmlText.CleanTitle(title);
        return new LayoutDocument("html", cleanTitle.Length == 0 ? null : cleanTitle, blocks);
    }

    private int ParseSpan(string? value, int browserLimit) =>
        Math.Max(1, Math.Min(HtmlText.ParseSpan(value, browserLimit), _options.MaxSpan));

    /// <summary>The table turned out to be page layout: what it read as paragraphs joins its parent's output.</summary>
    private static void ToLayout(TableState table)
    {
        table.IsLayout = true;
        if (table.SkippedIfLayout)
        {
            table.Shadow.Discard = true;
            return;
        }

        // The shadow kept its paragraphs as ranges of one buffer (most tables are data, so they are never needed).
        var parent = table.Parent;
        var shadow = table.Shadow;
        var start = 0;
        foreach (var end in shadow.Breaks ?? [])
        {
            parent.Append(shadow.Para.Span[start..end]);
            parent.Flush();
            start = end;
        }

        parent.Append(shadow.Para.Span[start..]);
        shadow.RedirectTo(parent);
    }

    private void CloseTable(TableState table)
    {
        table.Foster.Flush();
        if (table.IsLayout)
        {
            if (!table.SkippedIfLayout)
            {
                table.Parent.Flush();
            }

            return;
        }

        table.Parent.Add(table.ToDraft(_cellText));
    }

    private NameKind KindOf(int name)
    {
        if (name >= _kinds.Length)
        {
            Array.Resize(ref _kinds, Math.Max(Math.Max(_names.Count, name + 1), _kinds.Length * 2));
        }

        var kind = _kinds[name];
        if (kind == 0)
        {
            var s = _names[name];
            kind = NameKind.Known
                | (BlockElements.Contains(s) ? NameKind.Block : 0)
                | (_options.SkippedElements.Contains(s) ? NameKind.Skipped : 0)
                | (s is "script" or "style" ? NameKind.SkippedInCell : 0);
            _kinds[name] = kind;
        }

        return kind;
    }

    private void EnsureFrame(int index)
    {
        if (index >= _frames.Length)
        {
            Array.Resize(ref _frames, Math.Max(_frames.Length * 2, index + 1));
        }
    }

    private struct Frame
    {
        /// <summary>Where the element's content goes in walker mode; null where it is not read.</summary>
        public Writer? W;

        /// <summary>Where the content of the element it is in goes (for elements that follow it past <see cref="MaxDepth"/>).</summary>
        public Writer? ParentW;

        public CellState? ParentC;

        public TableState? ParentInTable;

        /// <summary>The table whose content the element's content is (its nearest table ancestor, or itself).</summary>
        public TableState? InTable;

        /// <summary>Its level in the tree: html 1, body 2.</summary>
        public int Depth;

        /// <summary>The data cell the element's content is part of; null outside cells and inside script or style.</summary>
        public CellState? C;

        public Writer? FlushOnClose;
        public CellState? NewlineOnClose;
        public Role Role;
        public SectionKind Section;
        public TableState? Table;
        public RowState? Row;
    }

    /// <summary>Where walker-mode text goes: a paragraph buffer and the blocks flushed from it.</summary>
    private sealed class Writer(TextBuffer para, List<Draft> output)
    {
        public TextBuffer Para { get; private set; } = para;

        public List<Draft> Output { get; private set; } = output;

        /// <summary>A skipped layout table: everything written to it is dropped.</summary>
        public bool Discard { get; set; }

        public void Append(char c)
        {
            if (!Discard)
            {
                Para.Append(c);
            }
        }

        public void Append(ReadOnlySpan<char> s)
        {
            if (!Discard)
            {
                Para.Append(s);
            }
        }

        public void Add(Draft draft)
        {
            if (!Discard)
            {
                Output.Add(draft);
            }
        }

        public void Flush()
        {
            if (Breaks is not null)
            {
                if (Para.Length > (Breaks.Count == 0 ? 0 : Breaks[^1]))
                {
                    Breaks.Add(Para.Length);
                }

                return;
            }

            if (Para.Length == 0)
            {
                return;
            }

            var text = Discard ? string.Empty : HtmlText.Clean(Para.Span);
            Para.Clear();
            if (text.Length > 0)
            {
                Output.Add(new ParagraphDraft(text));
            }
        }

        /// <summary>
        /// Where paragraphs end in <see cref="Para"/>, for a writer that defers them (a table's view of itself as layout);
        /// null for one that makes them at once.
        /// </summary>
        public List<int>? Breaks { get; private set; }

        public static Writer Deferred() => new(new TextBuffer(), []) { Breaks = [] };

        /// <summary>From now on, write where <paramref name="other"/> writes.</summary>
        public void RedirectTo(Writer other)
        {
            Para = other.Para;
            Output = other.Output;
            Discard = other.Discard;
            Breaks = null;
        }
    }

    private sealed class TableState
    {
        private readonly List<RowState> _head = [];
        private readonly List<RowState> _body = [];
        private readonly List<RowState> _foot = [];

        public TableState(Writer parent, TableState? outer, bool skippedIfLayout)
        {
            Parent = parent;
            Outer = outer;
            SkippedIfLayout = skippedIfLayout;

            // The paragraph open before the table, and text moved out of the table, read before it.
            var before = new TextBuffer();
            before.Append(parent.Para.Span);
            parent.Para.Clear();
            Foster = new Writer(before, []);
            parent.Add(new SlotDraft(Foster.Output));
            Shadow = Writer.Deferred();
        }

        public Writer Parent { get; }

        /// <summary>The table this one is in, if any.</summary>
        public TableState? Outer { get; }

        public Writer Foster { get; }

        /// <summary>The table's content read as if it were layout.</summary>
        public Writer Shadow { get; }

        public bool SkippedIfLayout { get; }

        public bool IsLayout { get; set; }

        public RowState AddRow(SectionKind section)
        {
            var row = new RowState();
            (section == SectionKind.Head ? _head : section == SectionKind.Foot ? _foot : _body).Add(row);
            return row;
        }

        /// <summary>
        /// The grid: rows of thead first, then tbody, then tfoot, as <c>HTMLTableElement.rows</c> orders them; each cell
        /// at the first column its row leaves free of cells spanning down from above.
        /// </summary>
        public TableDraft ToDraft(TextBuffer cellText)
        {
            var rowCount = _head.Count + _body.Count + _foot.Count;
            var cells = new List<CellDraft>();

            // Per column: the row until which a cell from above covers it, and the column after that cell, so a row
            // steps over a spanning cell at once rather than column by column.
            var busyUntil = new List<int>();
            var busyTo = new List<int>();
            var rowIndex = 0;
            for (var r = 0; r < rowCount; r++)
            {
                var row = r < _head.Count ? _head[r] : r < _head.Count + _body.Count ? _body[r - _head.Count] : _foot[r - _head.Count - _body.Count];
                var col = 0;
                foreach (var cell in row.Cells)
                {
                    while (col < busyUntil.Count && busyUntil[col] > rowIndex)
                    {
                        col = busyTo[col];
                    }

                    var rowSpan = Math.Min(cell.RowSpan, rowCount - rowIndex);
                    for (var k = col; k < col + cell.ColSpan; k++)
                    {
                        if (k == busyUntil.Count)
                        {
                            busyUntil.Add(0);
                            busyTo.Add(0);
                        }

                        if (rowIndex + cell.RowSpan > busyUntil[k])
                        {
                            busyUntil[k] = rowIndex + cell.RowSpan;
                            busyTo[k] = col + cell.ColSpan;
                        }
                    }

                    // Spans that reach past the last row are clamped, so the grid stays rectangular where the page is.
                    cells.Add(new CellDraft(HtmlText.Clean(cellText.Span[cell.Start..cell.End]), rowIndex, col, rowSpan, cell.ColSpan));
                    col += cell.ColSpan;
                }

                rowIndex++;
            }

            var widthDelta = new int[rowCount + 1];
            foreach (var c in cells)
            {
                widthDelta[c.Row] += c.ColumnSpan;
                widthDelta[c.Row + c.RowSpan] -= c.ColumnSpan;
            }

            var aligned = true;
            var width = 0;
            for (var r = 0; r < rowCount; r++)
            {
                width += widthDelta[r];
                aligned &= r == 0 || width == widthDelta[0];
            }

            return new TableDraft(cells, aligned);
        }
    }

    private sealed class RowState
    {
        public List<CellState> Cells { get; } = [];

        public void Add(CellState cell) => Cells.Add(cell);
    }

    private sealed class CellState(TableState table, int rowSpan, int colSpan, int start)
    {
        public TableState Table { get; } = table;

        public int RowSpan { get; } = rowSpan;

        public int ColSpan { get; } = colSpan;

        /// <summary>Where its text starts in the page's cell text.</summary>
        public int Start { get; set; } = start;

        public int End { get; set; } = start;
    }

    private abstract record Draft;

    private sealed record ParagraphDraft(string Text) : Draft;

    /// <summary>What reads before a table (the paragraph open before it, and text moved out of it): filled when the table ends.</summary>
    private sealed record SlotDraft(List<Draft> Drafts) : Draft;

    private sealed record TableDraft(List<CellDraft> Cells, bool Aligned) : Draft;

    private readonly record struct CellDraft(string Text, int Row, int Column, int RowSpan, int ColumnSpan);
}
