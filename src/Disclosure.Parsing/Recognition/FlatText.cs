using System.Globalization;
using System.Text.RegularExpressions;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Recognition;

/// <summary>
/// Text a crawler flattened: the whole article on one line, paragraphs separated by spaces, table cells glued
/// together with nothing between them (<c>…规章500行政规范性文件271421第二十条第（五）项…</c>). Finds the section
/// headings inside the running text, and rebuilds each statistical table from the template's row labels, splitting
/// the glued digits with <see cref="GluedSolver"/>.
/// <para>
/// Why here and not in a reader: a reader knows geometry, and the geometry of such a page is one long paragraph
/// (which the text reader, or an HTML page holding the same text, already gives). Telling a heading inside it from
/// a list item, or a row label from the words around it, takes the template, and the template lives in Recognition.
/// The rebuilt tables are handed to the recogniser as layout tables, so that one extractor maps every format's cells.
/// </para>
/// </summary>
internal static partial class FlatText
{
    /// <summary>A paragraph shorter than this is an ordinary paragraph, whatever it holds.</summary>
    public const int MinLength = 200;

    /// <summary>Rows of section 三 that must be found before its glued text is taken for the table.</summary>
    public const int MinRequestRows = 5;

    /// <summary>Distinct section 四 header labels that must be printed before a run is taken for its values.</summary>
    public const int MinAppealLabels = 4;

    /// <summary>How many splits of an open row a finding lists.</summary>
    public const int ListedSplits = 4;

    /// <summary>The layout with flattened paragraphs rebuilt, and the rows whose glued digits stay open.</summary>
    internal sealed record Reading(LayoutDocument Layout, IReadOnlyList<GluedRow> Open, IReadOnlyDictionary<string, GluedRow> OpenByKey);

    public static Reading Rebuild(LayoutDocument document, RecognitionCaches caches)
    {
        List<LayoutBlock>? blocks = null;
        var open = new List<GluedRow>();
        var tableIndex = document.Blocks.OfType<LayoutTable>().Count();
        for (var i = 0; i < document.Blocks.Count; i++)
        {
            var block = document.Blocks[i];
            if (block is LayoutParagraph p && p.Text.Length >= MinLength && p.Text.Length <= 1_000_000)
            {
                var text = LabelText.Fold(p.Text);
                var headings = InlineHeadings(text);
                if (headings.Count >= 2)
                {
                    blocks ??= document.Blocks.Take(i).ToList();
                    Expand(text, p.Location, headings, blocks, open, ref tableIndex, caches);
                    continue;
                }
            }

            blocks?.Add(block);
        }

        if (blocks is null)
        {
            return new Reading(document, [], new Dictionary<string, GluedRow>());
        }

        var byKey = new Dictionary<string, GluedRow>(StringComparer.Ordinal);
        foreach (var row in open)
        {
            foreach (var key in row.Cells)
            {
                byKey[key] = row;
            }
        }

        return new Reading(document with { Blocks = blocks }, open, byKey);
    }

    /// <summary>
    /// The section headings inside running text: a number (一、) at the start or after a space or full stop, whose
    /// words up to the next space mean the section of that number, in increasing order.
    /// </summary>
    internal static List<(int Start, int End, string Number)> InlineHeadings(string text)
    {
        var result = new List<(int, int, string)>();
        var last = 0;
        foreach (Match m in InlineNumber().Matches(text))
        {
            var number = m.Groups[1].Value;
            var ordinal = TemplateWords.Ordinal(number);
            if (ordinal <= last)
            {
                continue;
            }

            var start = m.Groups[1].Index;
            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && end - start < ReportRecognizer.MaxHeadingLength)
            {
                end++;
            }

            var head = text[start..end];
            var stop = head.IndexOfAny(['。', '；']);
            var words = stop > 0 ? head[..stop] : head;
            var template = TemplateWords.Sections[ordinal - 1];
            if (template.Words.Any(w => words.Contains(w, StringComparison.Ordinal)))
            {
                result.Add((start, end, number));
                last = ordinal;
            }
        }

        return result;
    }

    private static void Expand(
        string text, string location, List<(int Start, int End, string Number)> headings, List<LayoutBlock> blocks, List<GluedRow> open, ref int tableIndex, RecognitionCaches caches)
    {
        AddParagraph(blocks, text[..headings[0].Start], location);
        for (var h = 0; h < headings.Count; h++)
        {
            var (start, end, number) = headings[h];
            blocks.Add(new LayoutParagraph(text[start..end], location));
            var bodyEnd = h + 1 < headings.Count ? headings[h + 1].Start : text.Length;
            var body = text[end..bodyEnd];
            var rebuilt = number switch
            {
                "二" => ActiveTable(body, location, tableIndex + 1, caches),
                "三" => RequestsTable(body, location, tableIndex + 1, caches),
                "四" => AppealsTable(body, location, tableIndex + 1, caches),
                _ => null,
            };
            if (rebuilt is null)
            {
                AddParagraph(blocks, body, location);
                continue;
            }

            // The words before the table (outside the space-separated chunk it starts in) and after it stay prose.
            var chunkStart = body.LastIndexOf(' ', Math.Max(0, rebuilt.Start - 1));
            AddParagraph(blocks, chunkStart < 0 ? string.Empty : body[..chunkStart], location);
            foreach (var table in rebuilt.Tables)
            {
                blocks.Add(table);
            }

            tableIndex += rebuilt.Tables.Count;
            open.AddRange(rebuilt.Open);
            AddParagraph(blocks, body[rebuilt.End..], location);
        }
    }

    private static void AddParagraph(List<LayoutBlock> blocks, string text, string location)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0)
        {
            blocks.Add(new LayoutParagraph(trimmed, location));
        }
    }

    private sealed record Rebuilt(int Start, int End, List<LayoutTable> Tables, List<GluedRow> Open);

    /// <summary>A stretch of the body: words, or a run of digits (spaces inside it kept: they are cell boundaries).</summary>
    private sealed record Piece(int Start, int End, bool IsRun, string Text);

    /// <summary>A row found in the glued text: the row, the label as printed, its digits, and where they are.</summary>
    private sealed record FoundRow(RowTemplate Row, string Label, string Run, int LabelStart, int End);

    private static List<Piece> Pieces(string body)
    {
        var pieces = new List<Piece>();
        var at = 0;
        foreach (Match m in DigitRun().Matches(body))
        {
            if (m.Index > at)
            {
                pieces.Add(new Piece(at, m.Index, false, body[at..m.Index]));
            }

            pieces.Add(new Piece(m.Index, m.Index + m.Length, true, m.Value));
            at = m.Index + m.Length;
        }

        if (at < body.Length)
        {
            pieces.Add(new Piece(at, body.Length, false, body[at..]));
        }

        return pieces;
    }

    /// <summary>
    /// The rows of a table with row labels: each run of digits after words that end in a row's label. A run that
    /// ends in an item number (<c>…312.</c> before <c>没有现成信息…</c>) gives it to the label after it: the number the
    /// template prints there, else one digit.
    /// </summary>
    private static List<FoundRow> FindRows(string body, TableMatching matching, RecognitionCaches caches)
    {
        var pieces = Pieces(body);
        var rows = new List<FoundRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < pieces.Count; i++)
        {
            var words = pieces[i];
            var run = pieces[i + 1];
            if (words.IsRun || !run.IsRun)
            {
                continue;
            }

            var normalized = caches.Normalize(words.Text);
            if (MatchSuffix(normalized, matching) is not { } match || !seen.Add(match.Row.Id))
            {
                continue;
            }

            var digits = run.Text.TrimEnd();
            var next = i + 2 < pieces.Count ? pieces[i + 2] : null;
            if (next is not null && (digits.EndsWith('.') || next.Text.StartsWith('、')))
            {
                var item = next is null ? null : MatchSuffix(caches.Normalize(next.Text), matching) is { } after ? ItemNumber(after.Row) : null;
                var body0 = digits.TrimEnd('.');
                var cut = item is not null && body0.EndsWith(item, StringComparison.Ordinal) ? item.Length : 1;
                digits = body0.Length > cut ? body0[..^cut].TrimEnd() : string.Empty;
            }

            if (digits.Length > 0)
            {
                rows.Add(new FoundRow(match.Row, match.Label, digits, words.Start, run.Start + digits.Length));
            }
        }

        return rows;
    }

    /// <summary>The item number the template prints before a row's label (<c>2</c> of <c>2.没有现成信息需要另行制作</c>), or null.</summary>
    private static string? ItemNumber(RowTemplate row)
    {
        var leaf = CellCatalog.All.FirstOrDefault(c => c.Row == row.Id && c.Table is "requests")?.RowPath[^1];
        var m = leaf is null ? null : ItemNumberPattern().Match(leaf);
        return m is { Success: true } ? m.Groups[1].Value : null;
    }

    /// <summary>The row whose label the words end with (exactly, else closely), with the ending as printed.</summary>
    private static (RowTemplate Row, string Label)? MatchSuffix(string words, TableMatching matching)
    {
        (RowTemplate Row, string Label)? best = null;
        var bestLength = 0;
        foreach (var row in matching.Template.Rows)
        {
            foreach (var label in row.Labels)
            {
                if (label.Length > bestLength && words.EndsWith(label, StringComparison.Ordinal))
                {
                    best = (row, label);
                    bestLength = label.Length;
                }
            }
        }

        if (best is not null)
        {
            return Unique(best.Value.Label, matching);
        }

        // A typo (属于三类内容事务信息): the ending of about the label's length that matches best.
        var bestScore = LabelMatcher.Threshold;
        string? bestEnding = null;
        foreach (var row in matching.Template.Rows)
        {
            foreach (var label in row.Labels.Where(static l => l.Length >= 4))
            {
                for (var w = Math.Max(4, label.Length - 2); w <= Math.Min(words.Length, label.Length + 2); w++)
                {
                    var ending = words[^w..];
                    var score = LabelText.Similarity(ending, label);
                    if (score > bestScore + 1e-9)
                    {
                        bestScore = score;
                        bestEnding = ending;
                    }
                }
            }
        }

        return bestEnding is null ? null : Unique(bestEnding, matching);
    }

    // The extractor reads the rebuilt table's label again: only a label it gives the same single row is used.
    private static (RowTemplate Row, string Label)? Unique(string label, TableMatching matching) =>
        matching.BestRows(label) is [var only] ? (only, label) : null;

    private static Rebuilt? RequestsTable(string body, string location, int index, RecognitionCaches caches)
    {
        var matching = caches.Tables.First(static t => t.Template.Name == "requests");
        var template = matching.Template;
        var rows = FindRows(body, matching, caches);
        if (rows.Count < MinRequestRows)
        {
            return null;
        }

        var columns = template.Columns;
        var lines = rows.Select(r => new GluedLine(
            r.Run.Split(' ', StringSplitOptions.RemoveEmptyEntries), columns.Select(static _ => CellKind.Count).ToArray(),
            [(columns.Count - 1, Enumerable.Range(0, columns.Count - 1).ToArray())])).ToList();
        var index0 = rows.Select((r, i) => (r.Row.Id, i)).ToDictionary(static x => x.Id, static x => x.i, StringComparer.Ordinal);
        var identities = new List<CrossIdentity>();
        for (var c = 0; c < columns.Count; c++)
        {
            if (new[] { "new", "carried_over", "total", "carried_forward" }.All(index0.ContainsKey))
            {
                identities.Add(new CrossIdentity([(index0["new"], c, 1), (index0["carried_over"], c, 1), (index0["total"], c, -1), (index0["carried_forward"], c, -1)]));
            }

            var outcomes = Rules.CellNames.OutcomeRows.ToList();
            if (index0.ContainsKey("other") && !Rules.CellNames.OtherSubRows.Any(index0.ContainsKey))
            {
                outcomes = [.. outcomes.Except(Rules.CellNames.OtherSubRows), "other"];
            }

            if (index0.ContainsKey("total") && outcomes.All(index0.ContainsKey))
            {
                identities.Add(new CrossIdentity([(index0["total"], c, 1), .. outcomes.Select(o => (index0[o], c, -1))]));
            }
        }

        var outcomesByRow = GluedSolver.Solve(lines, identities);

        // The rebuilt grid, as a page prints it: two header rows, then a label and seven values per row.
        var cells = new List<LayoutCell>();
        var folded = caches.Normalize(body);
        void Header(string text, int row, int column, int rowSpan, int columnSpan)
        {
            if (folded.Contains(caches.Normalize(text), StringComparison.Ordinal))
            {
                cells.Add(new LayoutCell(text, row, column, rowSpan, columnSpan, $"{location}, table {index}, row {row + 1}, col {column + 1}"));
            }
        }

        Header("申请人情况", 0, 0, 2, 1);
        var leafColumn = 1;
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in CatalogColumns("requests"))
        {
            if (column.Path.Count == 1)
            {
                Header(column.Path[0], 0, leafColumn, 2, 1);
            }
            else
            {
                if (groups.Add(column.Path[0]))
                {
                    Header(column.Path[0], 0, leafColumn, 1, CatalogColumns("requests").Count(c => c.Path.Count > 1 && c.Path[0] == column.Path[0]));
                }

                Header(column.Path[^1], 1, leafColumn, 1, 1);
            }

            leafColumn++;
        }

        var open = new List<GluedRow>();
        for (var r = 0; r < rows.Count; r++)
        {
            var gridRow = r + 2;
            var keys = columns.Select(c => template.KeyFor(rows[r].Row.Id, c)!).ToList();
            cells.Add(new LayoutCell(rows[r].Label, gridRow, 0, 1, 1, $"{location}, table {index}, row {gridRow + 1}, col 1"));
            AddValues(cells, open, outcomesByRow[r], outcomesByRow[r].Splits, keys, rows[r].Run, "三", gridRow, 1, location, index);
        }

        return new Rebuilt(rows[0].LabelStart, rows[^1].End, [new LayoutTable(index, cells, isGridAligned: true, $"{location}, table {index}")], open);
    }

    private static Rebuilt? ActiveTable(string body, string location, int index, RecognitionCaches caches)
    {
        var rows = FindRows(body, caches.Tables.First(static t => t.Template.Name == "active"), caches);
        if (rows.Count == 0)
        {
            return null;
        }

        var folded = caches.Normalize(body);
        var table = Variant2019.Any(l => folded.Contains(l, StringComparison.Ordinal)) ? "active2019" : "active";
        var tables = new List<LayoutTable>();
        var open = new List<GluedRow>();
        List<CellDefinition>? blockColumns = null;
        var cells = new List<LayoutCell>();
        var gridRow = 0;
        foreach (var row in rows)
        {
            var defs = CellCatalog.All.Where(c => c.Table == table && c.Row == row.Row.Id).ToList();
            if (defs.Count == 0)
            {
                continue;
            }

            // A block of rows with the same columns is one table, under its own header.
            if (blockColumns is null || !defs.Select(static d => d.Column).SequenceEqual(blockColumns.Select(static d => d.Column)))
            {
                Flush();
                blockColumns = defs;
                cells.Add(new LayoutCell("信息内容", 0, 0, 1, 1, $"{location}, table {index + tables.Count}, row 1, col 1"));
                for (var c = 0; c < defs.Count; c++)
                {
                    var label = defs[c].ColumnPath[^1];
                    if (folded.Contains(caches.Normalize(label), StringComparison.Ordinal))
                    {
                        cells.Add(new LayoutCell(label, 0, c + 1, 1, 1, $"{location}, table {index + tables.Count}, row 1, col {c + 2}"));
                    }
                }

                gridRow = 1;
            }

            var line = new GluedLine(row.Run.Split(' ', StringSplitOptions.RemoveEmptyEntries), defs.Select(static d => d.Kind).ToArray(), []);
            var outcome = GluedSolver.Solve([line], [])[0];
            cells.Add(new LayoutCell(row.Label, gridRow, 0, 1, 1, $"{location}, table {index + tables.Count}, row {gridRow + 1}, col 1"));
            AddValues(cells, open, outcome, outcome.Splits, defs.Select(static d => d.Key).ToList(), row.Run, "二", gridRow, 1, location, index + tables.Count);
            gridRow++;
        }

        Flush();
        return tables.Count == 0 ? null : new Rebuilt(rows[0].LabelStart, rows[^1].End, tables, open);

        void Flush()
        {
            if (cells.Count > 0)
            {
                tables.Add(new LayoutTable(index + tables.Count, cells.ToList(), isGridAligned: true, $"{location}, table {index + tables.Count}"));
                cells.Clear();
            }
        }
    }

    // Column labels only the 2019 template's section 二 prints.
    private static readonly string[] Variant2019 = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量"];

    /// <summary>
    /// Section 四: its fifteen numbers are one run after the header (行政复议 … 总计), decided block by block: a block is
    /// known where every split of the whole run that keeps each block's total gives it the same values.
    /// </summary>
    private static Rebuilt? AppealsTable(string body, string location, int index, RecognitionCaches caches)
    {
        var defs = CellCatalog.All.Where(static c => c.Table == "appeals").ToList();
        var folded = caches.Normalize(body);
        var labels = defs.SelectMany(static d => d.RowPath.Concat(d.ColumnPath)).Select(caches.Normalize).Distinct(StringComparer.Ordinal).ToList();
        if (labels.Count(l => folded.Contains(l, StringComparison.Ordinal)) < MinAppealLabels)
        {
            return null;
        }

        var pieces = Pieces(body);
        var at = pieces.FindIndex(p => !p.IsRun && caches.Normalize(p.Text).EndsWith("总计", StringComparison.Ordinal));
        if (at < 0 || at + 1 >= pieces.Count || !pieces[at + 1].IsRun)
        {
            return null;
        }

        var run = pieces[at + 1].Text.Trim();
        var blocks = defs.GroupBy(static d => d.Row).Select(static g => g.ToList()).ToList();
        var totals = new List<(int, int[])>();
        var offset = 0;
        foreach (var block in blocks)
        {
            var totalAt = block.FindIndex(static d => d.Column == "total");
            totals.Add((offset + totalAt, Enumerable.Range(offset, block.Count).Where(i => i != offset + totalAt).ToArray()));
            offset += block.Count;
        }

        var line = new GluedLine(run.Split(' ', StringSplitOptions.RemoveEmptyEntries), defs.Select(static d => d.Kind).ToArray(), totals);
        var outcome = GluedSolver.Solve([line], [])[0];

        // The header as pages print it: 行政复议 over its results; 行政诉讼 over its two kinds, each over its results.
        var cells = new List<LayoutCell>();
        var cellAt = (int row, int column) => $"{location}, table {index}, row {row + 1}, col {column + 1}";
        var column0 = 0;
        var groupRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            var path = block[0].RowPath;
            if (path.Count == 1)
            {
                cells.Add(new LayoutCell(path[0], 0, column0, 1, block.Count, cellAt(0, column0)));
                for (var c = 0; c < block.Count; c++)
                {
                    cells.Add(new LayoutCell(block[c].ColumnPath[^1], 1, column0 + c, 2, 1, cellAt(1, column0 + c)));
                }
            }
            else
            {
                if (!groupRow.ContainsKey(path[0]))
                {
                    groupRow[path[0]] = column0;
                    var span = blocks.Where(b => b[0].RowPath.Count > 1 && b[0].RowPath[0] == path[0]).Sum(static b => b.Count);
                    cells.Add(new LayoutCell(path[0], 0, column0, 1, span, cellAt(0, column0)));
                }

                cells.Add(new LayoutCell(path[^1], 1, column0, 1, block.Count, cellAt(1, column0)));
                for (var c = 0; c < block.Count; c++)
                {
                    cells.Add(new LayoutCell(block[c].ColumnPath[^1], 2, column0 + c, 1, 1, cellAt(2, column0 + c)));
                }
            }

            column0 += block.Count;
        }

        var open = new List<GluedRow>();
        var start = 0;
        foreach (var block in blocks)
        {
            var range = start..(start + block.Count);
            var blockSplits = outcome.Splits.Select(s => s[range]).DistinctBy(static s => string.Join('/', s)).ToList();
            var blockOutcome = !outcome.GaveUp && blockSplits.Count == 1 ? new GluedOutcome(blockSplits[0], blockSplits, false) : new GluedOutcome(null, blockSplits, outcome.GaveUp);
            AddValues(cells, open, blockOutcome, blockSplits, block.Select(static d => d.Key).ToList(), run, "四", 3, start, location, index);
            start += block.Count;
        }

        return new Rebuilt(pieces[at].Start, pieces[at + 1].Start + pieces[at + 1].Text.TrimEnd().Length,
            [new LayoutTable(index, cells, isGridAligned: true, $"{location}, table {index}")], open);
    }

    /// <summary>The value cells of one row (or block): the numbers where they are known, else the glued text, recorded as open.</summary>
    private static void AddValues(
        List<LayoutCell> cells, List<GluedRow> open, GluedOutcome outcome, IReadOnlyList<decimal[]> splits, List<string> keys, string glued,
        string section, int gridRow, int firstColumn, string location, int index)
    {
        for (var c = 0; c < keys.Count; c++)
        {
            var text = outcome.Values is { } v ? v[c].ToString(CultureInfo.InvariantCulture) : glued;
            cells.Add(new LayoutCell(text, gridRow, firstColumn + c, 1, 1, $"{location}, table {index}, row {gridRow + 1}, col {firstColumn + c + 1}"));
        }

        if (outcome.Values is null)
        {
            open.Add(new GluedRow(section, keys, glued, splits.Take(ListedSplits).Select(static s => (IReadOnlyList<decimal>)s).ToList(),
                outcome.GaveUp ? null : splits.Count, $"{location}, table {index}, row {gridRow + 1}"));
        }
    }

    private static IEnumerable<(IReadOnlyList<string> Path, string Key)> CatalogColumnsOf(string table) =>
        CellCatalog.All.Where(c => c.Table == table).GroupBy(static c => c.Column).Select(static g => (g.First().ColumnPath, g.First().Key));

    private static List<(IReadOnlyList<string> Path, string Key)> CatalogColumns(string table) => [.. CatalogColumnsOf(table)];

    [GeneratedRegex(@"(?:^|[\s。；])([一二三四五六])、")]
    private static partial Regex InlineNumber();

    // A run of digits: digits, decimal points and separators, and single spaces between digits (cell boundaries).
    [GeneratedRegex(@"[0-9](?:[0-9.,]|[ ](?=[0-9]))*")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"^\s*([0-9]{1,2})\s*[.、]")]
    private static partial Regex ItemNumberPattern();
}
