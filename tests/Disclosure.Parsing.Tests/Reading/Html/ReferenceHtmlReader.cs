using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Reading;
using Disclosure.Parsing.Reading.Html;

namespace Disclosure.Parsing.Tests.Reading.Html;

/// <summary>
/// The HTML reader as it was before the streaming one: AngleSharp's full DOM, walked recursively. Kept as the
/// reference the streaming reader must agree with (<see cref="HtmlReaderDifferentialTests"/>); too slow on deep pages
/// for production (AngleSharp's tree builder is quadratic in nesting depth, the walk recursive).
/// <para>
/// Where the two differ, on purpose or as the price of not building a DOM (none of it met on a report page): the
/// streaming reader reads spans as browsers do ("2px" is 2, colspan above 1000 is 1000, where AngleSharp gives 1);
/// past 512 levels it keeps text in page order where the DOM leaves it in an earlier sibling; text already read
/// inside an inline element that is skipped (canvas, an option outside a select) stays skipped when the adoption
/// agency later moves its block out; a pre right inside a table, outside cells, makes AngleSharp move the next row out
/// of the table in an order the stream does not follow.
/// </para>
/// </summary>
internal static class ReferenceHtmlReader
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
        "main", "aside", "blockquote", "pre", "address", "center", "figure", "figcaption", "hr", "table", "tr",
        "td", "th", "tbody", "thead", "tfoot", "caption", "body", "html",
    };

    public static LayoutDocument Parse(string html, HtmlReaderOptions? options = null)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        var walker = new Walker(options ?? new HtmlReaderOptions(), CancellationToken.None);
        if (document.Body is not null)
        {
            walker.Visit(document.Body);
        }

        walker.FlushParagraph();
        var title = CellText.Clean(document.Title ?? string.Empty);
        return new LayoutDocument("html", title.Length == 0 ? null : title, walker.Blocks);
    }

    private sealed class Walker(HtmlReaderOptions options, CancellationToken cancellationToken)
    {
        private readonly StringBuilder _paragraph = new();
        private int _tableCount;
        private int _paragraphCount;

        public List<LayoutBlock> Blocks { get; } = [];

        public void Visit(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (child)
                {
                    case IText t:
                        _paragraph.Append(t.Data);
                        break;
                    case IHtmlBreakRowElement:
                        _paragraph.Append('\n');
                        break;
                    case IHtmlTableElement table when !ContainsTable(table):
                        FlushParagraph();
                        AddTable(table);
                        break;
                    case IElement e when options.SkippedElements.Contains(e.LocalName):
                        break;
                    case IElement e when BlockElements.Contains(e.LocalName):
                        FlushParagraph();
                        Visit(e);
                        FlushParagraph();
                        break;
                    case IElement e:
                        Visit(e);
                        break;
                }
            }
        }

        public void FlushParagraph()
        {
            var text = CellText.Clean(_paragraph.ToString());
            _paragraph.Clear();
            if (text.Length == 0)
            {
                return;
            }

            _paragraphCount++;
            Blocks.Add(new LayoutParagraph(text, $"paragraph {_paragraphCount}"));
        }

        private static bool ContainsTable(IElement table) => table.QuerySelector("table") is not null;

        private void AddTable(IHtmlTableElement table)
        {
            _tableCount++;
            var index = _tableCount;
            var cells = new List<LayoutCell>();
            var occupied = new List<bool[]>();
            var rowIndex = 0;
            foreach (var row in table.Rows)
            {
                var col = 0;
                foreach (var cell in row.Cells)
                {
                    while (IsOccupied(occupied, rowIndex, col))
                    {
                        col++;
                    }

                    var rowSpan = Math.Clamp(cell.RowSpan, 1, options.MaxSpan);
                    var colSpan = Math.Clamp(cell.ColumnSpan, 1, options.MaxSpan);
                    for (var r = rowIndex; r < rowIndex + rowSpan; r++)
                    {
                        for (var c = col; c < col + colSpan; c++)
                        {
                            MarkOccupied(occupied, r, c);
                        }
                    }

                    cells.Add(new LayoutCell(ReadCellText(cell), rowIndex, col, rowSpan, colSpan,
                        $"table {index}, row {rowIndex + 1}, col {col + 1}"));
                    col += colSpan;
                }

                rowIndex++;
            }

            // Spans that reach past the last row are clamped, so the grid stays rectangular where the page is.
            var lastRow = rowIndex;
            cells = cells
                .Where(c => c.Row < lastRow)
                .Select(c => c.Row + c.RowSpan > lastRow ? c with { RowSpan = lastRow - c.Row } : c)
                .ToList();
            var aligned = IsAligned(cells, lastRow);
            if (cells.Count > 0 && cells.All(static c => c.Column == 0 && c.ColumnSpan == 1))
            {
                // A one-column table holds text, not figures: its lines are paragraphs.
                _tableCount--;
                foreach (var line in cells.SelectMany(static c => c.Text.Split('\n')).Where(static l => l.Length > 0))
                {
                    _paragraphCount++;
                    Blocks.Add(new LayoutParagraph(line, $"paragraph {_paragraphCount}"));
                }
            }
            else if (cells.Count > 0)
            {
                Blocks.Add(new LayoutTable(index, cells, aligned, $"table {index}"));
            }
        }

        private static bool IsAligned(List<LayoutCell> cells, int rows)
        {
            if (rows == 0)
            {
                return true;
            }

            var widths = new int[rows];
            foreach (var c in cells)
            {
                for (var r = c.Row; r < c.Row + c.RowSpan; r++)
                {
                    widths[r] += c.ColumnSpan;
                }
            }

            return widths.All(w => w == widths[0]);
        }

        private static bool IsOccupied(List<bool[]> occupied, int row, int col) =>
            row < occupied.Count && col < occupied[row].Length && occupied[row][col];

        private static void MarkOccupied(List<bool[]> occupied, int row, int col)
        {
            while (occupied.Count <= row)
            {
                occupied.Add(new bool[16]);
            }

            var r = occupied[row];
            if (col >= r.Length)
            {
                Array.Resize(ref r, Math.Max(col + 1, r.Length * 2));
                occupied[row] = r;
            }

            r[col] = true;
        }

        private static string ReadCellText(IElement cell)
        {
            var sb = new StringBuilder();
            AppendText(cell, sb);
            return CellText.Clean(sb.ToString());
        }

        private static void AppendText(INode node, StringBuilder sb)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText t:
                        sb.Append(t.Data);
                        break;
                    case IHtmlBreakRowElement:
                        sb.Append('\n');
                        break;
                    case IElement e when e.LocalName is "script" or "style":
                        break;
                    case IElement e when BlockElements.Contains(e.LocalName):
                        sb.Append('\n');
                        AppendText(e, sb);
                        sb.Append('\n');
                        break;
                    case IElement e:
                        AppendText(e, sb);
                        break;
                }
            }
        }
    }
}
