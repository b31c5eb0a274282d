using Disclosure.Parsing.Layout;

namespace Disclosure.Parsing.Reading.Pdf;

/// <summary>A block read from one page, with what joining tables across pages needs to know.</summary>
/// <param name="Block">The block.</param>
/// <param name="Page">Its page, 1-based.</param>
/// <param name="Top">Its top edge on the page, in points from the top.</param>
/// <param name="ColumnBounds">A ruled table's column boundaries, in points; null for other blocks.</param>
/// <param name="TextSize">The page's text size (<see cref="PageGeometry.TextSize"/>), the unit of the distances compared.</param>
internal sealed record PageBlock(LayoutBlock Block, int Page, double Top, IReadOnlyList<double>? ColumnBounds, double TextSize = PdfThresholds.FallbackTextSize);

/// <summary>
/// Continues tables over page breaks. A ruled table that is the last block on its page and one that is the first on
/// the next, with the same column boundaries, are one table: the blocks come in reading order, page by page, without
/// page numbers (dropped as they are read) and running headers and footers (dropped here first), so the two are
/// neighbours in the list on neighbouring pages. A paragraph after the table on its page, or before the continuation
/// on the next (a heading, a note), lies between them and keeps them apart. The continuation's first row is the rest of a row cut by
/// the page break when it has the same cells as the last row before the break, does not repeat the table's first row,
/// and either holds no number or leaves empty a cell that was written before the break; its text joins that row.
/// A row that opens with an item number of its own (2.没有现成信息…) and carries its own values, after a row that
/// carried values too, is a new row however sparse the two are.
/// </summary>
internal static class PageBreakJoiner
{
    /// <param name="blocks">The document's blocks in reading order: page by page, each page's top to bottom.</param>
    public static List<LayoutBlock> Join(List<PageBlock> blocks)
    {
        blocks = WithoutRunningLines(blocks);
        var result = new List<PageBlock>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];

            // result[^1] holds blocks[i - 1], alone or as the end of a table it continued: every block is either added
            // or joined to the last one. blocks[i - 1] on the page before this one is the last block of its page, and
            // this one the first of its page: nothing of either page lies between them.
            if (i > 0 && blocks[i - 1].Page == block.Page - 1
                && result[^1] is { Block: LayoutTable previous, ColumnBounds: { } bounds } last
                && block is { Block: LayoutTable next, ColumnBounds: { } nextBounds }
                && MapColumns(nextBounds, bounds, PdfThresholds.ColumnMatch * Math.Min(blocks[i - 1].TextSize, block.TextSize)) is { } map)
            {
                // The first part's column boundaries stay: a third part on the next page is matched against them.
                result[^1] = last with { Block = Append(previous, next, map) };
                continue;
            }

            result.Add(block);
        }

        return result.Select(static b => b.Block).ToList();
    }

    /// <summary>Drops running headers and footers: the same short line at the same height on two or more pages.</summary>
    private static List<PageBlock> WithoutRunningLines(List<PageBlock> blocks)
    {
        var running = blocks
            .Where(static b => b.Block is LayoutParagraph { Text.Length: <= 60 })
            .GroupBy(static b => ((LayoutParagraph)b.Block).Text)
            .Where(static g => g.Select(static b => b.Page).Distinct().Count() >= 2
                && g.Max(static b => b.Top) - g.Min(static b => b.Top) <= PdfThresholds.RunningLineDrift * g.Min(static b => b.TextSize))
            .SelectMany(static g => g)
            .ToHashSet();
        return running.Count == 0 ? blocks : blocks.Where(b => !running.Contains(b)).ToList();
    }

    /// <summary>For each boundary of the continuation, the index of the same boundary in the table it continues.</summary>
    private static int[]? MapColumns(IReadOnlyList<double> next, IReadOnlyList<double> previous, double tolerance)
    {
        var map = new int[next.Count];
        for (var i = 0; i < next.Count; i++)
        {
            var j = -1;
            for (var k = 0; k < previous.Count; k++)
            {
                if (Math.Abs(previous[k] - next[i]) <= tolerance)
                {
                    j = k;
                    break;
                }
            }

            if (j < 0)
            {
                return null;
            }

            map[i] = j;
        }

        return map;
    }

    private static LayoutTable Append(LayoutTable previous, LayoutTable next, int[] map)
    {
        var cells = previous.Cells.ToList();
        var lastRow = previous.RowCount - 1;
        var cut = IsCutRow(previous, next, map);
        var offset = cut ? lastRow : previous.RowCount;
        foreach (var c in next.Cells)
        {
            var column = map[c.Column];
            var span = map[c.Column + c.ColumnSpan] - column;
            if (cut && c.Row == 0)
            {
                // The rest of a cut row: its text goes to the cell it continues.
                var i = cells.FindIndex(p => p.Row <= lastRow && lastRow < p.Row + p.RowSpan && p.Column <= column && column < p.Column + p.ColumnSpan);
                if (i >= 0)
                {
                    var joined = cells[i].Text.Length == 0 ? c.Text : c.Text.Length == 0 ? cells[i].Text : cells[i].Text + "\n" + c.Text;
                    cells[i] = cells[i] with { Text = joined, RowSpan = cells[i].RowSpan + c.RowSpan - 1 };
                    continue;
                }
            }

            cells.Add(c with { Row = c.Row + offset, Column = column, ColumnSpan = Math.Max(1, span) });
        }

        return new LayoutTable(previous.Index, cells, previous.IsGridAligned && next.IsGridAligned, previous.Location);
    }

    private static bool IsCutRow(LayoutTable previous, LayoutTable next, int[] map)
    {
        var first = next.Rows.Count > 0 ? next.Rows[0] : [];
        var last = previous.RowCount - 1;
        if (first.Count == 0)
        {
            return false;
        }

        var repeated = previous.Rows[0].Select(static c => c.Text).Where(static t => t.Length > 0);
        if (first.Select(static c => c.Text).Where(static t => t.Length > 0).SequenceEqual(repeated))
        {
            return false;
        }

        // A row that opens with its own item number and brings its own values is the next item, not the rest of the
        // last one: joining them would glue their numbers (31 and 1 read as 311).
        var label = first.FirstOrDefault(static c => c.Text.Length > 0);
        if (label is not null && Recognition.LabelText.OpensWithItemNumber(label.Text)
            && first.Any(static c => Recognition.LabelText.ParseNumber(c.Text) is not null)
            && previous.Rows[last].Any(p => p.StartsIn(last) && Recognition.LabelText.ParseNumber(p.Text) is not null))
        {
            return false;
        }

        // The two halves of one row have the same cells: the same column boundaries on both pages.
        var before = previous.Rows[last].Select(static c => (c.Column, c.Column + c.ColumnSpan)).ToHashSet();
        var after = first.Select(c => (map[c.Column], map[c.Column + c.ColumnSpan])).ToHashSet();
        if (!before.SetEquals(after))
        {
            return false;
        }

        // A new row brings numbers and fills the cells its predecessor filled; the rest of a cut row holds no
        // number, or leaves empty a cell of its own that was written before the break (its text ended there).
        if (first.All(static c => Recognition.LabelText.ParseNumber(c.Text) is null))
        {
            return true;
        }

        return previous.Rows[last].Any(p => p.StartsIn(last) && p.Text.Length > 0
            && first.Any(c => map[c.Column] == p.Column && c.Text.Length == 0));
    }
}
