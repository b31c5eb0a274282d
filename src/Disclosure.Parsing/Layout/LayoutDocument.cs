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
    /// <summary>True when the cell starts in grid row <paramref name="row"/> (it is not a continuation of a merge).</summary>
    public bool StartsIn(int row) => Row == row;
}
