using Disclosure.Parsing.Layout;

namespace Disclosure.Parsing.Reading;

/// <summary>
/// How a reader with explicit table markup (HTML, Word) turns one table into blocks. Pages and Word files box text in
/// one-column tables for layout; such a table holds text, not figures, so its lines become paragraphs.
/// </summary>
internal static class TableBlocks
{
    /// <summary>
    /// Adds <paramref name="cells"/> as table <paramref name="number"/>, or as paragraphs when they are one column.
    /// Returns false when the table became paragraphs, so that the reader gives its number to the next table; a table
    /// without cells adds nothing and keeps its number, as readers have always counted it.
    /// </summary>
    public static bool Add(List<LayoutBlock> blocks, int number, List<LayoutCell> cells, bool isGridAligned, ref int paragraphs)
    {
        if (cells.Count == 0)
        {
            return true;
        }

        if (cells.TrueForAll(static c => c.Column == 0 && c.ColumnSpan == 1))
        {
            foreach (var cell in cells)
            {
                foreach (var line in cell.Text.Split('\n'))
                {
                    if (line.Length > 0)
                    {
                        blocks.Add(new LayoutParagraph(line, $"paragraph {++paragraphs}"));
                    }
                }
            }

            return false;
        }

        blocks.Add(new LayoutTable(number, cells, isGridAligned, $"table {number}"));
        return true;
    }
}
