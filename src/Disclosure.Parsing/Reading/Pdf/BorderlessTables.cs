using Disclosure.Parsing.Recognition;

namespace Disclosure.Parsing.Reading.Pdf;

/// <summary>A line of text outside ruled tables, or a table found from the alignment of words.</summary>
internal sealed record LineItem(TextLine? Line, List<List<Chunk>>? Rows)
{
    public double Top => Line?.Top ?? Rows![0][0].Top;
}

/// <summary>Words of a line separated by a wide gap: a cell of a table without rulings.</summary>
internal sealed record Chunk(string Text, double Left, double Right, double Top, double Size);

/// <summary>
/// Finds tables without ruling lines from the alignment of words. A line whose last chunk (words separated by a wide
/// gap) is a number is a row; the lines straight above the first row that stay clear of the edge between its label
/// and its values are header rows, cut at the value columns where narrow cells print their labels almost touching;
/// a line without a number straight below a row, whose every chunk lies within a chunk of that row, continues it (a
/// wrapped label or header). Lines far apart are not one table.
/// </summary>
internal static class BorderlessTables
{
    private sealed class Table
    {
        public List<List<Chunk>> Rows { get; } = [];

        public List<TextLine> Lines { get; } = [];

        public int NumberRows { get; set; }

        public int MostNumbers { get; set; }

        /// <summary>Two rows with numbers, or one under a header row, or one with three numeric cells (prose has none).</summary>
        public bool IsTable => NumberRows >= 2 || (NumberRows == 1 && (Rows.Count >= 2 || MostNumbers >= 3));

        public double Bottom { get; set; }
    }

    public static List<LineItem> Find(List<TextLine> lines, double gap)
    {
        var items = new List<(TextLine? Line, Table? Table)>();
        Table? table = null;
        foreach (var line in lines)
        {
            var chunks = ToChunks(line, TextLines.Chunks(line.Glyphs, gap));
            var isRow = IsRow(chunks, line.Size * gap);
            if (table is not null && line.Top - table.Bottom > line.Size * PdfThresholds.TableBreak)
            {
                table = null;
            }

            if (isRow)
            {
                if (table is null)
                {
                    // The header lines just above become the table's first rows instead of paragraphs.
                    table = new Table();
                    var header = HeaderAbove(items, chunks, line, gap);
                    foreach (var (l, h) in header)
                    {
                        AddOrContinue(table, l, h, continuing: table.Rows.Count > 0 && Continues(table.Rows[^1], h));
                    }

                    items.RemoveRange(items.Count - header.Count, header.Count);
                    items.Add((null, table));
                }

                AddOrContinue(table, line, chunks, continuing: false);
                table.NumberRows++;
                table.MostNumbers = Math.Max(table.MostNumbers, chunks.Count(static c => LabelText.ParseNumber(c.Text) is not null));
                continue;
            }

            if (table is not null)
            {
                var close = line.Top - table.Bottom < line.Size * PdfThresholds.WrapLeading;
                if (close && Continues(table.Rows[^1], chunks))
                {
                    AddOrContinue(table, line, chunks, continuing: true);
                    continue;
                }

                if (chunks.Count >= 2)
                {
                    AddOrContinue(table, line, chunks, continuing: false);
                    continue;
                }
            }

            table = null;
            items.Add((line, null));
        }

        // A line that ends in a number is prose unless it reads as a table.
        return items.SelectMany(static i => i.Table is { } t
                ? t.IsTable ? [new LineItem(null, t.Rows)] : t.Lines.Select(static l => new LineItem(l, null))
                : new[] { new LineItem(i.Line, null) })
            .ToList();
    }

    private static List<Chunk> ToChunks(TextLine line, List<List<Glyph>> groups) =>
        groups.Select(c => new Chunk(CellText.Clean(TextLines.LineText(c)), c[0].Left, c[^1].Right, line.Top, line.Size)).ToList();

    /// <summary>
    /// The header lines standing straight above a table's first row, top to bottom. The row's numbers give the value
    /// columns; a header line is cut where a column boundary falls in a gap between its glyphs, even one narrower
    /// than a word gap (narrow cells print their labels almost touching: 商业企 科研机 社会公). A header line
    /// has no piece straddling the edge between the label column and the values, which sets it apart from a heading
    /// or prose above the table, and has a piece over the values or lies among other header lines.
    /// </summary>
    private static List<(TextLine Line, List<Chunk> Chunks)> HeaderAbove(
        List<(TextLine? Line, Table? Table)> items, List<Chunk> firstRow, TextLine rowLine, double gap)
    {
        var header = new List<(TextLine Line, List<Chunk> Chunks)>();
        var values = firstRow.SkipWhile(static c => LabelText.ParseNumber(c.Text) is null).ToList();
        if (values.Count == 0 || values.Count == firstRow.Count)
        {
            return header;
        }

        // Column boundaries: midway between neighbouring values; the label column ends as far before the first value.
        var bounds = new List<double>();
        for (var i = 1; i < values.Count; i++)
        {
            bounds.Add((values[i - 1].Right + values[i].Left) / 2);
        }

        var labelEdge = values.Count > 1 ? values[0].Left - (bounds[0] - values[0].Right) : values[0].Left - rowLine.Size;
        labelEdge = Math.Max(labelEdge, firstRow[firstRow.Count - values.Count - 1].Right);
        bounds.Insert(0, labelEdge);

        var below = rowLine;
        for (var i = items.Count - 1; i >= 0 && items[i] is { Line: { } line, Table: null }; i--)
        {
            if (below.Top - line.Bottom > line.Size * PdfThresholds.WrapLeading)
            {
                break;
            }

            var chunks = ToChunks(line, CutAtBounds(TextLines.Chunks(line.Glyphs, gap), bounds));
            if (chunks.Any(c => c.Left < labelEdge && c.Right > labelEdge + (c.Size * PdfThresholds.LabelEdgeOverlap)))
            {
                break;
            }

            if (chunks.All(c => c.Right <= labelEdge + (c.Size * PdfThresholds.LabelEdgeOverlap)) && header.Count == 0)
            {
                break;
            }

            header.Insert(0, (line, chunks));
            below = line;
        }

        // Stub text alone (no piece over the values) does not start a header.
        while (header.Count > 0 && header[0].Chunks.All(c => c.Right <= labelEdge + (c.Size * PdfThresholds.LabelEdgeOverlap)))
        {
            header.RemoveAt(0);
        }

        return header;
    }

    // Splits a chunk at the visible gap nearest each column boundary that passes through it. The boundaries come
    // from the numbers below, which may be right-aligned while labels are centred: the gap, not the boundary itself,
    // says where one cell's text ends. A label without gaps (法人或其他组织 over five columns) stays whole.
    private static List<List<Glyph>> CutAtBounds(List<List<Glyph>> chunks, List<double> bounds)
    {
        var pitch = bounds.Count > 1 ? (bounds[^1] - bounds[0]) / (bounds.Count - 1) : double.MaxValue;
        var result = new List<List<Glyph>>();
        foreach (var chunk in chunks)
        {
            var gaps = new List<int>();
            for (var i = 1; i < chunk.Count; i++)
            {
                if (chunk[i].Left - chunk[i - 1].Right > Math.Min(chunk[i].Size, chunk[i - 1].Size) * PdfThresholds.HeaderCutGap)
                {
                    gaps.Add(i);
                }
            }

            var cuts = new SortedSet<int>();
            foreach (var x in bounds.Where(x => x > chunk[0].Left && x < chunk[^1].Right))
            {
                var nearest = gaps
                    .Select(i => (Index: i, Distance: Math.Abs(((chunk[i - 1].Right + chunk[i].Left) / 2) - x)))
                    .Where(g => g.Distance < pitch / 2)
                    .OrderBy(static g => g.Distance)
                    .FirstOrDefault();
                if (nearest.Index > 0)
                {
                    cuts.Add(nearest.Index);
                }
            }

            var from = 0;
            foreach (var cut in cuts.Append(chunk.Count))
            {
                result.Add(chunk.GetRange(from, cut - from));
                from = cut;
            }
        }

        return result;
    }

    // Prose may end a line with a number after a space; a row has several numeric cells, or a column's gap before its one.
    private static bool IsRow(List<Chunk> chunks, double columnGap)
    {
        if (chunks.Count < 2 || LabelText.ParseNumber(chunks[^1].Text) is null)
        {
            return false;
        }

        var numbers = chunks.Count(static c => LabelText.ParseNumber(c.Text) is not null);
        return numbers >= 2 || chunks[^1].Left - chunks[^2].Right > columnGap;
    }

    private static void AddOrContinue(Table table, TextLine line, List<Chunk> chunks, bool continuing)
    {
        table.Lines.Add(line);
        table.Bottom = Math.Max(table.Bottom, line.Bottom);
        if (continuing)
        {
            var row = table.Rows[^1];
            foreach (var c in chunks)
            {
                var i = row.FindIndex(r => Within(c, r));
                row[i] = row[i] with { Text = row[i].Text + "\n" + c.Text };
            }

            return;
        }

        table.Rows.Add(chunks);
    }

    // A wrapped line stays inside its cell: each chunk lies within a chunk of the line above, no wider than it (to a
    // little overhang, in the row's text size).
    private static bool Continues(List<Chunk> above, List<Chunk> chunks) =>
        chunks.Count > 0 && chunks.All(c => above.Any(a => Within(c, a))) && chunks.All(static c => LabelText.ParseNumber(c.Text) is null);

    private static bool Within(Chunk inner, Chunk outer)
    {
        var overhang = outer.Size * PdfThresholds.WrapOverhang;
        return inner.Left >= outer.Left - overhang && inner.Right <= outer.Right + overhang;
    }
}
