using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Reading.Pdf;

/// <summary>Options for <see cref="PdfReader"/>.</summary>
/// <remarks>
/// Distances are in glyph sizes (the height of a character of the text concerned, or the median of a page's), not in
/// points, so that a report printed reduced or enlarged reads the same. An invalid value throws
/// <see cref="ArgumentOutOfRangeException"/> naming the option as soon as it is set.
/// </remarks>
public sealed record PdfReaderOptions
{
    /// <summary>
    /// A document with more pages than this is refused: reports run to a few dozen pages, so time and memory stay
    /// bounded. At least 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1.</exception>
    public int MaxPages
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPages), value, $"{nameof(MaxPages)} must be at least 1");
    } = 200;

    /// <summary>
    /// Where a table has no ruling lines, a line whose words are separated by gaps wider than this many characters
    /// (glyph sizes) is read as a table row. Above zero; 1 by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero, below it, to infinity or to NaN.</exception>
    public double BorderlessColumnGap
    {
        get;
        init => field = InGlyphSizes(value, nameof(BorderlessColumnGap));
    } = PdfThresholds.BorderlessColumnGap;

    /// <summary>
    /// Ruling lines closer than this many glyph sizes of the page's text are one line of a table's grid (a doubled
    /// border, a border drawn cell by cell), and a line that stops this short of another still meets it. Raise it for
    /// tables drawn with gaps at their corners; lower it for tables whose rows are barely taller than their text.
    /// Above zero; 0.2 by default (about 2 pt beside 10.5 pt text).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero, below it, to infinity or to NaN.</exception>
    public double RulingTolerance
    {
        get;
        init => field = InGlyphSizes(value, nameof(RulingTolerance));
    } = PdfThresholds.RulingTolerance;

    /// <summary>
    /// A glyph whose vertical middle lies within this many glyph sizes of a line's is on that line. Raise it for text
    /// whose glyphs ride up and down (mixed fonts, superscripts); keep it under 0.5, where two lines set solid would
    /// merge. Above zero; 0.45 by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero, below it, to infinity or to NaN.</exception>
    public double LineTolerance
    {
        get;
        init => field = InGlyphSizes(value, nameof(LineTolerance));
    } = PdfThresholds.LineTolerance;

    /// <summary>
    /// Keep each page's words and ruling lines (<see cref="LayoutDocument.Pages"/>) and each table cell's box
    /// (<see cref="LayoutCell.Box"/>), for drawing the page as the reader saw it. Off by default: the audit needs neither.
    /// </summary>
    public bool KeepPageGeometry { get; init; }

    private static double InGlyphSizes(double value, string name) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} is a distance in glyph sizes: a finite number above zero");
}

/// <summary>
/// Reads the text layer of a PDF (printed from WPS or Word) with PdfPig, rebuilding each table from the page's
/// ruling lines, and falling back to word alignment where a table has none. Page numbers are dropped; text outside
/// tables becomes one paragraph per line. A PDF without a text layer (a scan) is refused: it needs OCR.
/// </summary>
public sealed partial class PdfReader : IDocumentReader
{
    private readonly PdfReaderOptions _options;

    /// <summary>Creates the reader with default options.</summary>
    public PdfReader()
        : this(new PdfReaderOptions())
    {
    }

    /// <summary>Creates the reader.</summary>
    public PdfReader(PdfReaderOptions options) => _options = options;

    /// <inheritdoc />
    public string Format => "pdf";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    /// <inheritdoc />
    public int Sniff(ReadOnlySpan<byte> head)
    {
        // The header may follow a little junk; the specification allows it within the first 1024 bytes.
        var window = head[..Math.Min(head.Length, 1024)];
        return window.IndexOf("%PDF-"u8) >= 0 ? 90 : 0;
    }

    /// <inheritdoc />
    public LayoutDocument Read(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        // PdfPig reads from an array and never writes to it: the caller's array is used as it is, not copied.
        var bytes = MemoryMarshal.TryGetArray(content, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : content.ToArray();
        var problems = new List<string>();
        bytes = ReferenceLoops.Break(bytes, problems);
        using var document = PdfPages.Open(bytes);
        var pageCount = document.PageCount;
        if (pageCount > _options.MaxPages)
        {
            throw new DocumentReadException(
                FailureKind.TooLarge,
                $"the PDF has {pageCount} pages, more than the {_options.MaxPages} read: annual reports run to a few dozen");
        }

        var blocks = new List<PageBlock>();
        var skipped = new List<(int Page, string Why)>();
        var glyphCount = 0;
        var unmapped = 0;
        var script = new ScriptCount();
        var images = 0;
        var tableCount = 0;
        var pages = _options.KeepPageGeometry ? new List<LayoutPage>() : null;
        for (var number = 1; number <= pageCount; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (page, damage) = document.Read(number);
            if (page is null || (damage is not null && page.Letters.Count == 0 && page.Images == 0))
            {
                // A damaged page costs that page: the others are read, and the result says which one is missing.
                skipped.Add((number, damage!));
                problems.Add($"page {number} could not be read and was skipped: {damage}");
                continue;
            }

            if (damage is not null)
            {
                problems.Add($"page {number} is damaged and may be incomplete: {damage}");
            }

            images += page.Images;
            var geometry = new PageGeometry(page);
            glyphCount += geometry.Glyphs.Count;
            unmapped += geometry.Glyphs.Count(static g => IsUnmapped(g.Value));
            foreach (var glyph in geometry.Glyphs)
            {
                script.Add(glyph.Value);
            }

            ReadPage(number, geometry, blocks, ref tableCount);
            pages?.Add(PageView(number, geometry, _options.LineTolerance));
        }

        if (pageCount > 0 && skipped.Count == pageCount)
        {
            throw new DocumentReadException(pageCount == 1
                ? $"a damaged PDF: its one page cannot be read: {skipped[0].Why}"
                : $"a damaged PDF: none of its {pageCount} pages can be read ({Pages(skipped)})");
        }

        if (glyphCount == 0 && skipped.Count > 0 && images == 0)
        {
            throw new DocumentReadException($"a damaged PDF: the pages that could be read have no text, and the others cannot be read ({Pages(skipped)})");
        }

        if (glyphCount == 0)
        {
            throw new DocumentReadException(FailureKind.Scanned, images > 0
                ? "a scanned PDF with no text layer: it needs OCR, which this tool does not do"
                : "a PDF with no text in it");
        }

        if (unmapped * 2 > glyphCount)
        {
            throw new DocumentReadException(
                FailureKind.Scanned,
                "a PDF whose fonts carry no Unicode map: its text layer cannot be read as characters (it needs OCR, which this tool does not do)");
        }

        if (script.IsLatinGibberish)
        {
            throw new DocumentReadException(
                FailureKind.Scanned,
                "a PDF whose fonts carry no Unicode map: their own encoding makes its text come out as Latin symbols " +
                $"(“{script.Sample}”) where Chinese is expected, so it cannot be read as characters (it needs OCR, which this tool does not do)");
        }

        var title = document.Title();
        return new LayoutDocument(Format, string.IsNullOrWhiteSpace(title) ? null : title.Trim(), PageBreakJoiner.Join(blocks)) { Problems = problems, Pages = pages ?? [] };
    }

    /// <summary>"page 2: why; page 5: why", the first few.</summary>
    private static string Pages(List<(int Page, string Why)> skipped) =>
        string.Join("; ", skipped.Take(5).Select(static s => $"page {s.Page}: {s.Why}")) + (skipped.Count > 5 ? $"; and {skipped.Count - 5} more" : string.Empty);

    private void ReadPage(int number, PageGeometry page, List<PageBlock> blocks, ref int tableCount)
    {
        // A ruled box of one column is framed text, not a table: its glyphs are read as lines.
        var tables = RuledTable.Find(page.Rulings, _options.RulingTolerance * page.TextSize, PdfThresholds.TableFrameMargin * page.TextSize)
            .Where(t => t.Xs.Count > 2 && page.Glyphs.Any(g => t.Contains(g.CenterX, g.CenterY)))
            .ToList();
        var inTable = new List<Glyph>[tables.Count];
        var outside = new List<Glyph>();
        for (var i = 0; i < tables.Count; i++)
        {
            inTable[i] = [];
        }

        foreach (var g in page.Glyphs)
        {
            var home = outside;
            for (var t = 0; t < tables.Count; t++)
            {
                if (tables[t].Contains(g.CenterX, g.CenterY))
                {
                    home = inTable[t];
                    break;
                }
            }

            home.Add(g);
        }

        // Page content in reading order: tables and lines of text by their top edge.
        var items = new List<(double Top, Func<int, LayoutBlock?> Make, IReadOnlyList<double>? Bounds)>();
        for (var i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            var glyphs = inTable[i];
            items.Add((table.Top, index => TableBlock(number, index, table, glyphs, _options), table.Xs));
        }

        foreach (var item in BorderlessTables.Find(TextLines.Build(outside, _options.LineTolerance), _options.BorderlessColumnGap))
        {
            if (item.Line is { } line)
            {
                var text = CellText.Clean(TextLines.LineText(line.Glyphs));
                if (text.Length > 0 && !IsPageNumber(text))
                {
                    items.Add((line.Top, _ => new LayoutParagraph(text, $"page {number}, y {line.Top:0}"), null));
                }
            }
            else
            {
                var rows = item.Rows!;
                items.Add((item.Top, index => BorderlessBlock(number, index, rows, _options.KeepPageGeometry), null));
            }
        }

        foreach (var item in items.OrderBy(static i => i.Top))
        {
            var index = tableCount + 1;
            var block = item.Make(index);
            if (block is null)
            {
                continue;
            }

            if (block is LayoutTable)
            {
                tableCount++;
            }

            blocks.Add(new PageBlock(block, number, item.Top, item.Bounds, page.TextSize));
        }
    }

    /// <summary>A page as the reader saw it: runs of touching glyphs on a line, and the ruling lines.</summary>
    private static LayoutPage PageView(int number, PageGeometry page, double lineTolerance)
    {
        var words = new List<LayoutWord>();
        foreach (var line in TextLines.Build(page.Glyphs, lineTolerance))
        {
            foreach (var run in TextLines.Chunks(line.Glyphs, PdfThresholds.PageViewWordGap))
            {
                var text = string.Concat(run.Select(static g => g.Value));
                var box = new LayoutBox(number, run.Min(static g => g.Left), run.Min(static g => g.Top), run.Max(static g => g.Right), run.Max(static g => g.Bottom));
                words.Add(new LayoutWord(text, box, run.Average(static g => g.Size)));
            }
        }

        var rulings = page.Rulings.Select(static r => new LayoutRuling(r.Horizontal, r.Position, r.From, r.To)).ToList();
        return new LayoutPage(number, page.FrameWidth, page.FrameHeight, words, rulings);
    }

    private static LayoutTable BorderlessBlock(int page, int index, List<List<Chunk>> rows, bool geometry)
    {
        var cells = new List<LayoutCell>();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Count; c++)
            {
                var chunk = rows[r][c];
                cells.Add(new LayoutCell(chunk.Text, r, c, 1, 1, $"page {page}, table {index}, row {r + 1}, col {c + 1}, x {chunk.Left:0} y {chunk.Top:0}")
                {
                    Box = geometry ? new LayoutBox(page, chunk.Left, chunk.Top, chunk.Right, chunk.Top + chunk.Size) : null,
                });
            }
        }

        return new LayoutTable(index, cells, isGridAligned: false, $"page {page}, table {index}");
    }

    private static LayoutTable? TableBlock(int page, int index, RuledTable table, List<Glyph> glyphs, PdfReaderOptions options)
    {
        var geometry = options.KeepPageGeometry;
        // Each grid position points at the merged cell that covers it; each glyph goes to the cell holding its centre.
        var columns = table.Xs.Count - 1;
        var owner = new int[(table.Ys.Count - 1) * columns];
        Array.Fill(owner, -1);
        for (var i = 0; i < table.Cells.Count; i++)
        {
            var cell = table.Cells[i];
            for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
            {
                for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                {
                    owner[(r * columns) + c] = i;
                }
            }
        }

        var byCell = new List<Glyph>?[table.Cells.Count];
        foreach (var g in glyphs)
        {
            if (table.Locate(g.CenterX, g.CenterY) is { } at && owner[(at.Row * columns) + at.Column] is var o and >= 0)
            {
                (byCell[o] ??= []).Add(g);
            }
        }

        var cells = new List<LayoutCell>(table.Cells.Count);
        var anyText = false;
        for (var i = 0; i < table.Cells.Count; i++)
        {
            var c = table.Cells[i];
            var text = byCell[i] is { } mine ? CellText.Clean(TextLines.Text(mine, options.LineTolerance)) : string.Empty;
            anyText |= text.Length > 0;
            cells.Add(new LayoutCell(
                text,
                c.Row,
                c.Column,
                c.RowSpan,
                c.ColumnSpan,
                $"page {page}, table {index}, row {c.Row + 1}, col {c.Column + 1}, x {table.Xs[c.Column]:0} y {table.Ys[c.Row]:0}")
            {
                Box = geometry ? new LayoutBox(page, table.Xs[c.Column], table.Ys[c.Row], table.Xs[c.Column + c.ColumnSpan], table.Ys[c.Row + c.RowSpan]) : null,
            });
        }

        return anyText ? new LayoutTable(index, cells, isGridAligned: true, $"page {page}, table {index}") : null;
    }

    /// <summary>
    /// What the glyphs of a document decode to, by script: a font with a built-in encoding and no Unicode map turns
    /// Chinese into Latin-1 and typographic symbols (¿”¿¡ﬂ‹…„·); real Latin text is letters with at most a few of them.
    /// </summary>
    internal sealed class ScriptCount
    {
        private readonly System.Text.StringBuilder _sample = new();

        /// <summary>Glyphs that are neither spaces nor ASCII digits.</summary>
        public int Counted { get; private set; }

        /// <summary>CJK characters and punctuation.</summary>
        public int Cjk { get; private set; }

        /// <summary>Latin-1 supplement and typographic symbols: what Chinese turns into through a Latin encoding.</summary>
        public int Symbols { get; private set; }

        /// <summary>The first symbols met, to show what the text looks like.</summary>
        public string Sample => _sample.ToString();

        /// <summary>
        /// Enough text to judge (40 glyphs), hardly any of it Chinese (under 5%), and a third or more of it symbols: no
        /// language is written so; French or German text has a few accented letters in a hundred.
        /// </summary>
        public bool IsLatinGibberish => Counted >= 40 && Cjk * 20 < Counted && Symbols * 3 >= Counted;

        public void Add(string value)
        {
            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c) || c is >= '0' and <= '9')
                {
                    continue;
                }

                Counted++;
                if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF')
                {
                    Cjk++;
                }
                else if (IsSymbol(c))
                {
                    Symbols++;
                    if (_sample.Length < 12)
                    {
                        _sample.Append(c);
                    }
                }
            }
        }

        // Latin-1 supplement (¡ … ÿ), the Latin letters and marks WinAnsi and StandardEncoding add (Œ š ƒ ˆ ˜), their
        // typographic punctuation (– — ‘ ’ “ ” „ † ‡ • … ‰ ‹ › ⁄ € ™) and the ligatures ﬁ ﬂ.
        private static bool IsSymbol(char c) =>
            c is >= '\u00A1' and <= '\u00FF' or '\u0152' or '\u0153' or '\u0160' or '\u0161' or '\u0178' or '\u017D' or '\u017E'
                or '\u0192' or '\u02C6' or '\u02C7' or '\u02D8' or '\u02D9' or '\u02DA' or '\u02DB' or '\u02DC' or '\u02DD'
                or >= '\u2013' and <= '\u2044' or '\u20AC' or '\u2122' or '\uFB01' or '\uFB02';
    }

    /// <summary>A glyph whose font gave no character: a private-use code, a replacement character or a control code.</summary>
    internal static bool IsUnmapped(string value) =>
        value.Length > 0 && value.All(static c => c is >= '\uE000' and <= '\uF8FF' or '\uFFFD' || char.IsControl(c));

    /// <summary>"-4-", "— 4 —", "第 4 页", "4 / 12", "第4页 共12页": page furniture, not content. A lone 2024 is a year.</summary>
    internal static bool IsPageNumber(string text) => PageNumber().IsMatch(text);

    [GeneratedRegex(@"^(?:[-—–－\s]*\d{1,3}[-—–－\s]*|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")]
    private static partial Regex PageNumber();
}
