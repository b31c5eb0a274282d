using Disclosure.Parsing.Recognition;

namespace Disclosure.Parsing.Reading.Pdf;

/// <summary>A line of text outside ruled tables, or a table found from the alignment of words.</summary>
internal sealed record LineItem(TextLine? Line, List<List<Chunk>>? Rows)
{
    public double Top => Line?.Top ?? Rows![0][0].Top;
}

/// <summary>Words of a line separated by a wide gap: a cell of a table without rulings.</summary>
internal sealed record Chunk(string Text, double Left, double Right, double Top);

/// <summary>
/// Finds tables without ruling lines from the alignment of words. A line whose last chunk (words separated by a wide
/// gap) is a number is a row; lines of several chunks just above the first row are header rows; a line without a
/// number straight below a row, whose every chunk lies within a chunk of that row, continues it (a wrapped label or
/// header). Lines far apart are not one table.
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
        var header = new List<(TextLine Line, List<Chunk> Chunks)>();
        foreach (var line in lines)
        {
            var chunks = TextLines.Chunks(line.Glyphs, gap)
                .Select(c => new Chunk(CellText.Clean(TextLines.LineText(c)), c[0].Left, c[^1].Right, line.Top))
                .ToList();
            var isRow = IsRow(chunks, line.Size * gap);
            if (table is not null && line.Top - table.Bottom > line.Size * 2.5)
            {
                table = null;
            }

            if (isRow)
            {
                if (table is null)
                {
                    // The header lines just above become the table's first rows instead of paragraphs.
                    table = new Table();
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
                header.Clear();
                continue;
            }

            if (table is not null)
            {
                var close = line.Top - table.Bottom < line.Size * 1.2;
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
            var continuesHeader = header.Count > 0 && line.Top - header[^1].Line.Bottom < line.Size * 1.2 && Continues(header[^1].Chunks, chunks);
            if (chunks.Count >= 2 || continuesHeader)
            {
                header.Add((line, chunks));
            }
            else
            {
                header.Clear();
            }
        }

        // A line that ends in a number is prose unless it reads as a table.
        return items.SelectMany(static i => i.Table is { } t
                ? t.IsTable ? [new LineItem(null, t.Rows)] : t.Lines.Select(static l => new LineItem(l, null))
                : new[] { new LineItem(i.Line, null) })
            .ToList();
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

    // A wrapped line stays inside its cell: each chunk lies within a chunk of the line above, no wider than it.
    private static bool Continues(List<Chunk> above, List<Chunk> chunks) =>
        chunks.Count > 0 && chunks.All(c => above.Any(a => Within(c, a))) && chunks.All(static c => LabelText.ParseNumber(c.Text) is null);

    private static bool Within(Chunk inner, Chunk outer) => inner.Left >= outer.Left - 1.5 && inner.Right <= outer.Right + 1.5;
}
