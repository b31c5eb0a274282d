using System.Text;
using System.Text.RegularExpressions;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Reading.Text;

/// <summary>Options for <see cref="PlainTextReader"/>.</summary>
public sealed record PlainTextReaderOptions
{
    /// <summary>
    /// A line continues the previous cell (a label wrapped when copied) only if it is at most this long and no
    /// blank line stands between them. Longer lines are prose and end the table.
    /// </summary>
    public int MaxCellContinuationLength { get; init; } = 30;
}

/// <summary>
/// Reads text copied from a web page or a document. Two table shapes are understood:
/// <list type="bullet">
/// <item>one cell per line, each cell line starting with a tab, rows separated by blank lines (a browser's copy of
/// an HTML table);</item>
/// <item>one row per line, cells separated by tabs or by runs of two or more spaces.</item>
/// </list>
/// Such tables carry no spans, so they are marked as not grid-aligned. Every other line is a paragraph.
/// </summary>
public sealed partial class PlainTextReader : IDocumentReader
{
    private readonly PlainTextReaderOptions _options;

    /// <summary>Creates the reader with default options.</summary>
    public PlainTextReader()
        : this(new PlainTextReaderOptions())
    {
    }

    /// <summary>Creates the reader.</summary>
    public PlainTextReader(PlainTextReaderOptions options) => _options = options;

    /// <inheritdoc />
    public string Format => "text";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".text"];

    /// <inheritdoc />
    public int Sniff(ReadOnlySpan<byte> head) => TextDecoding.LooksLikeText(head) ? 10 : 0;

    /// <inheritdoc />
    public LayoutDocument Read(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (!TextDecoding.LooksLikeText(content.Span[..Math.Min(content.Length, 8192)]))
        {
            throw new DocumentReadException(FailureKind.Unsupported, "not a text document: the content is binary");
        }

        var text = TextDecoding.Decode(content.Span);
        return Parse(text, cancellationToken);
    }

    internal LayoutDocument Parse(string text, CancellationToken cancellationToken = default)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var blocks = new List<LayoutBlock>();
        var table = new TableBuilder(this);
        var i = 0;
        while (i < lines.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines[i];
            if (line.StartsWith('\t'))
            {
                i = table.ReadCellPerLineRow(lines, i);
                continue;
            }

            if (IsBlank(line))
            {
                i++;
                continue;
            }

            var fields = SplitInlineRow(line);
            if (fields is not null)
            {
                table.AddInlineRow(fields, i + 1);
                i++;
                continue;
            }

            table.FlushInto(blocks);
            blocks.Add(new LayoutParagraph(FoldSpaces(line), $"line {i + 1}"));
            i++;
        }

        table.FlushInto(blocks);
        return new LayoutDocument(Format, null, blocks);
    }

    internal static bool IsBlank(string line)
    {
        foreach (var ch in line)
        {
            if (!char.IsWhiteSpace(ch) && ch != '\u200B' && ch != '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Splits a line whose cells are separated by tabs or runs of spaces; null when it is prose.</summary>
    private static List<string>? SplitInlineRow(string line)
    {
        var trimmed = line.Trim();
        var parts = (trimmed.Contains('\t') ? trimmed.Split('\t') : CellGap().Split(trimmed))
            .Select(static p => p.Trim())
            .ToList();
        if (parts.Count(static p => p.Length > 0) < 2 || parts.Any(static p => p.Length > MaxCellLength))
        {
            return null;
        }

        // "0 0 0" in one field is several numeric cells separated by single spaces.
        var cells = new List<string>();
        foreach (var p in parts)
        {
            var tokens = p.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length > 1 && tokens.All(static t => NumberLike().IsMatch(t)))
            {
                cells.AddRange(tokens);
            }
            else
            {
                cells.Add(p);
            }
        }

        return cells;
    }

    /// <summary>
    /// A field longer than this is prose, not a cell: a line of running text (a crawler keeps a whole page on one
    /// line) stays one paragraph even where it has wide gaps.
    /// </summary>
    internal const int MaxCellLength = 200;

    private static string FoldSpaces(string s) => Spaces().Replace(s.Trim(), " ");

    [GeneratedRegex(@"(?:[ \u00A0]{2,}|\u3000+)")]
    private static partial Regex CellGap();

    [GeneratedRegex(@"^[-+]?[0-9０-９][0-9０-９,，.．]*$")]
    private static partial Regex NumberLike();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();

    /// <summary>Collects consecutive rows into one table block.</summary>
    private sealed class TableBuilder(PlainTextReader reader)
    {
        private readonly List<LayoutCell> _cells = [];
        private int _row;
        private int _startLine;

        public int ReadCellPerLineRow(string[] lines, int i)
        {
            if (_cells.Count == 0 && _row == 0)
            {
                _startLine = i + 1;
            }

            var texts = new List<(StringBuilder Text, int Line)>();
            while (i < lines.Length)
            {
                var line = lines[i];
                if (line.StartsWith('\t'))
                {
                    // A line may hold several tab-separated cells after its leading tab.
                    foreach (var part in line[1..].Split('\t'))
                    {
                        texts.Add((new StringBuilder(part.Trim()), i + 1));
                    }

                    i++;
                    continue;
                }

                if (IsBlank(line))
                {
                    i++;
                    break;
                }

                // A short line straight after a cell line is that cell's text wrapped; anything else ends the row.
                if (texts.Count > 0 && line.Trim().Length <= reader._options.MaxCellContinuationLength)
                {
                    var last = texts[^1].Text;
                    if (last.Length > 0)
                    {
                        last.Append('\n');
                    }

                    last.Append(line.Trim());
                    i++;
                    continue;
                }

                break;
            }

            AddRow(texts.Select(static t => (t.Text.ToString(), t.Line)).ToList());
            return i;
        }

        public void AddInlineRow(List<string> fields, int line)
        {
            if (_cells.Count == 0 && _row == 0)
            {
                _startLine = line;
            }

            AddRow(fields.Select(f => (f, line)).ToList());
        }

        private void AddRow(List<(string Text, int Line)> row)
        {
            if (row.Count == 0)
            {
                return;
            }

            for (var c = 0; c < row.Count; c++)
            {
                _cells.Add(new LayoutCell(row[c].Text, _row, c, 1, 1, $"line {row[c].Line}, table row {_row + 1}, col {c + 1}"));
            }

            _row++;
        }

        public void FlushInto(List<LayoutBlock> blocks)
        {
            if (_cells.Count > 0)
            {
                var index = blocks.OfType<LayoutTable>().Count() + 1;
                blocks.Add(new LayoutTable(index, _cells.ToList(), isGridAligned: false, $"line {_startLine}"));
            }

            _cells.Clear();
            _row = 0;
        }
    }
}
