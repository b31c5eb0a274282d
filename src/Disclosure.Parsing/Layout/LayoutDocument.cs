using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Layout;

/// <summary>
/// A document as a reader sees it: an ordered list of paragraphs and tables, each with a source location.
/// Readers produce it; the recogniser is its only consumer. It knows geometry, never report labels.
/// </summary>
/// <param name="Format">The input format: <c>html</c>, <c>text</c>, <c>docx</c> or <c>pdf</c>.</param>
/// <param name="Title">The document's own title where the format has one (HTML &lt;title&gt;), else null.</param>
/// <param name="Blocks">Paragraphs and tables in reading order.</param>
public sealed record LayoutDocument(string Format, string? Title, IReadOnlyList<LayoutBlock> Blocks)
{
    /// <summary>Paragraphs and tables in reading order. Read-only, compared by value.</summary>
    public IReadOnlyList<LayoutBlock> Blocks { get; init => field = ValueList.Of(value); } = ValueList.Of(Blocks);

    /// <summary>
    /// What the reader had to leave out or repair, each in words a person can act on (<c>page 3 could not be read and
    /// was skipped: …</c>); empty when the whole document was read. The blocks are what could be read.
    /// </summary>
    public IReadOnlyList<string> Problems { get; init => field = ValueList.Of(value); } = ValueList<string>.Empty;

    /// <summary>
    /// The pages as the reader saw them (words at their positions and ruling lines), where the reader keeps them: the
    /// PDF reader with <see cref="Reading.Pdf.PdfReaderOptions.KeepPageGeometry"/>. Empty otherwise.
    /// </summary>
    public IReadOnlyList<LayoutPage> Pages { get; init => field = ValueList.Of(value); } = ValueList<LayoutPage>.Empty;
}

/// <summary>A rectangle on a page, in the page's reading frame: points, origin top left, y growing down.</summary>
/// <param name="Page">The page number (1-based).</param>
/// <param name="Left">The left edge.</param>
/// <param name="Top">The top edge.</param>
/// <param name="Right">The right edge.</param>
/// <param name="Bottom">The bottom edge.</param>
public sealed record LayoutBox(int Page, double Left, double Top, double Right, double Bottom)
{
    /// <summary>True when the point (<paramref name="x"/>, <paramref name="y"/>) lies inside the box (edges included).</summary>
    public bool Contains(double x, double y) => x >= Left && x <= Right && y >= Top && y <= Bottom;
}

/// <summary>A run of glyphs on one line with no gap between them, as the reader placed it.</summary>
/// <param name="Text">The glyphs' text.</param>
/// <param name="Box">Where the run stands.</param>
/// <param name="Size">The font size, in points.</param>
public sealed record LayoutWord(string Text, LayoutBox Box, double Size);

/// <summary>A horizontal or vertical ruling line, in the page's reading frame.</summary>
/// <param name="Horizontal">True for a horizontal line.</param>
/// <param name="Position">Its y (horizontal) or x (vertical).</param>
/// <param name="From">Where it starts along its direction.</param>
/// <param name="To">Where it ends along its direction.</param>
public sealed record LayoutRuling(bool Horizontal, double Position, double From, double To);

/// <summary>One page as the reader saw it: its size, its words and its ruling lines, in its reading frame.</summary>
/// <param name="Number">The page number (1-based).</param>
/// <param name="Width">The width of the reading frame, in points.</param>
/// <param name="Height">The height of the reading frame, in points.</param>
/// <param name="Words">The words, top to bottom.</param>
/// <param name="Rulings">The ruling lines.</param>
public sealed record LayoutPage(int Number, double Width, double Height, IReadOnlyList<LayoutWord> Words, IReadOnlyList<LayoutRuling> Rulings)
{
    /// <summary>The words, top to bottom. Read-only, compared by value.</summary>
    public IReadOnlyList<LayoutWord> Words { get; init => field = ValueList.Of(value); } = ValueList.Of(Words);

    /// <summary>The ruling lines. Read-only, compared by value.</summary>
    public IReadOnlyList<LayoutRuling> Rulings { get; init => field = ValueList.Of(value); } = ValueList.Of(Rulings);
}

/// <summary>A paragraph or a table of a <see cref="LayoutDocument"/>.</summary>
public abstract record LayoutBlock
{
    /// <summary>Where the block starts in the source, in words a person can follow.</summary>
    public abstract string Location { get; }
}

/// <summary>A run of text outside any table.</summary>
/// <param name="Text">The paragraph's text, whitespace folded, line breaks kept as <c>\n</c>.</param>
/// <param name="Location">Where it was found, e.g. <c>line 12</c> or <c>page 3</c>.</param>
public sealed record LayoutParagraph(string Text, string Location) : LayoutBlock
{
    /// <inheritdoc />
    public override string Location { get; } = Location;
}

/// <summary>
/// A table as a grid. Each cell is stored once at its origin with its spans; <see cref="Rows"/> lists, for each
/// grid row, every distinct cell that covers it, so a label merged down many rows is visible from each of them.
/// </summary>
public sealed record LayoutTable : LayoutBlock
{
    /// <summary>Builds a table from its origin cells.</summary>
    /// <param name="index">The table's ordinal in the document (1-based), used in locations.</param>
    /// <param name="cells">Cells at their origin positions.</param>
    /// <param name="isGridAligned">
    /// True when the reader knows the true geometry (every grid position means the same column in every row);
    /// false when cells were only known in reading order (plain text), so column positions may not line up.
    /// </param>
    /// <param name="location">Where the table starts.</param>
    public LayoutTable(int index, IReadOnlyList<LayoutCell> cells, bool isGridAligned, string location)
    {
        Index = index;
        Cells = ValueList.Of(cells);
        IsGridAligned = isGridAligned;
        Location = location;
        Rows = BuildRows(Cells);
    }

    /// <summary>The table's ordinal in the document (1-based).</summary>
    public int Index { get; }

    /// <summary>Every cell once, at its origin.</summary>
    public IReadOnlyList<LayoutCell> Cells { get; }

    /// <summary>Whether grid columns line up across rows (see the constructor).</summary>
    public bool IsGridAligned { get; }

    /// <inheritdoc />
    public override string Location { get; }

    /// <summary>For each grid row, the distinct cells covering it, left to right.</summary>
    public IReadOnlyList<IReadOnlyList<LayoutCell>> Rows { get; }

    /// <summary>The number of grid rows.</summary>
    public int RowCount => Rows.Count;

    private static IReadOnlyList<IReadOnlyList<LayoutCell>> BuildRows(IReadOnlyList<LayoutCell> cells)
    {
        var rowCount = 0;
        foreach (var c in cells)
        {
            rowCount = Math.Max(rowCount, c.Row + c.RowSpan);
        }

        var rows = new List<LayoutCell>[rowCount];
        for (var i = 0; i < rowCount; i++)
        {
            rows[i] = [];
        }

        foreach (var c in cells)
        {
            for (var r = c.Row; r < c.Row + c.RowSpan; r++)
            {
                rows[r].Add(c);
            }
        }

        foreach (var row in rows)
        {
            row.Sort(static (a, b) => a.Column.CompareTo(b.Column));
        }

        return ValueList.OfLists(rows);
    }
}

/// <summary>One cell of a <see cref="LayoutTable"/>, at its origin.</summary>
/// <param name="Text">The cell's text, whitespace folded, line breaks kept as <c>\n</c>.</param>
/// <param name="Row">The grid row of its top edge (0-based).</param>
/// <param name="Column">The grid column of its left edge (0-based).</param>
/// <param name="RowSpan">How many grid rows it covers.</param>
/// <param name="ColumnSpan">How many grid columns it covers.</param>
/// <param name="Location">Where it was found, e.g. <c>table 2, row 4, col 10</c>.</param>
public sealed record LayoutCell(string Text, int Row, int Column, int RowSpan, int ColumnSpan, string Location)
{
    /// <summary>
    /// Where the cell stands on its page, where the reader keeps geometry (see <see cref="LayoutDocument.Pages"/>); null
    /// otherwise. A cell joined across a page break keeps the box of its first part.
    /// </summary>
    public LayoutBox? Box { get; init; }

    /// <summary>True when the cell starts in grid row <paramref name="row"/> (it is not a continuation of a merge).</summary>
    public bool StartsIn(int row) => Row == row;
}
