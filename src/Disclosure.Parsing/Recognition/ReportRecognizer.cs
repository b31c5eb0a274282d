using System.Text.RegularExpressions;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Recognition;

/// <summary>
/// Maps a <see cref="LayoutDocument"/> onto the report template: the six sections by number and meaning, the
/// statistical tables by their labels, every cell to its canonical key. What the template says is data: its cells
/// (<see cref="CellCatalog"/>), its sections' words and rows' other labels (<see cref="TemplateWords"/>).
/// </summary>
internal static partial class ReportRecognizer
{
    /// <summary>A heading is short; prose that happens to start with 一、 is not one.</summary>
    internal const int MaxHeadingLength = 60;

    /// <summary>Recognises a document with caches of its own (a pipeline keeps its caches: see <see cref="RecognitionCaches"/>).</summary>
    public static Report Recognize(LayoutDocument document) => Recognize(document, new RecognitionCaches(), out _);

    /// <summary>
    /// Recognises a document; <paramref name="recognized"/> is the layout the report was read from: the document's,
    /// with text a crawler flattened rebuilt into paragraphs and tables (see <see cref="FlatText"/>).
    /// </summary>
    public static Report Recognize(LayoutDocument original, RecognitionCaches caches, out LayoutDocument recognized)
    {
        var flat = FlatText.Rebuild(original, caches);
        var document = recognized = flat.Layout;
        var sections = FindSections(document);
        var sectionStarts = sections.Where(static s => s.BlockIndex >= 0).ToList();
        var tablesByTemplate = ClassifyTables(document, sectionStarts, caches);

        var cells = new Dictionary<string, ReportCell>(StringComparer.Ordinal);
        var tables = new List<ReportTable>();
        foreach (var matching in caches.Tables)
        {
            var template = matching.Template;
            var blocks = tablesByTemplate[template.Name];
            var extractor = new TableExtractor(matching, caches);
            foreach (var block in blocks)
            {
                extractor.Add(block);
            }

            foreach (var (key, cell) in extractor.Cells)
            {
                // A glued row that splits in several ways (or none) has no values, and keeps the glued text.
                cells[key] = flat.OpenByKey.TryGetValue(key, out var glued) ? cell with { Value = null, Text = glued.Text } : cell;
            }

            var found = extractor.Cells.Count > 0;
            tables.Add(new ReportTable(template.Name, template.Section, found, found ? blocks[0].Location : null));
        }

        var templateName = DetectTemplate(cells);
        tables = TableTemplates(tables, cells, templateName);
        var ordered = CellCatalog.All.Where(c => cells.ContainsKey(c.Key)).ToDictionary(static c => c.Key, c => cells[c.Key], StringComparer.Ordinal);
        var (agency, year) = FindIdentity(document);
        var prose = Prose(document, sectionStarts);
        return new Report(
            agency,
            year,
            templateName,
            sections.Select(static s => s.Section).ToList(),
            tables,
            ordered)
        {
            GluedRows = flat.Open.Where(g => g.Cells.Any(ordered.ContainsKey)).ToList(),
            Headings = Headings(document),
            Prose = prose,
            PeriodYear = prose.Select(static p => PeriodPattern().Match(LabelText.Fold(p.Text))).Where(static m => m.Success)
                .Select(static m => (int?)int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault(),
            OpeningYear = prose.Where(static p => p.Section == "一").Select(static p => OpeningPattern().Match(LabelText.Fold(p.Text)))
                .Where(static m => m.Success).Select(static m => (int?)int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault(),
        };
    }

    /// <summary>
    /// Every paragraph that reads as a heading on its own (short: a numbered list item of prose is not one), with the
    /// section its words mean; where words of several sections appear, the printed number decides if it is one of them.
    /// </summary>
    private static List<ReportHeading> Headings(LayoutDocument document) =>
        document.Blocks.OfType<LayoutParagraph>()
            .Select(static p => (Paragraph: p, Heading: ReadHeading(p)))
            .Where(static x => x.Heading is { IsShort: true })
            .Select(static x => new ReportHeading(
                x.Heading!.Number,
                x.Heading.Meanings.Contains(x.Heading.Number) ? x.Heading.Number : x.Heading.Meanings[0],
                x.Heading.Head,
                x.Paragraph.Location))
            .ToList();

    private static List<ReportProse> Prose(LayoutDocument document, List<(ReportSection Section, int BlockIndex)> starts)
    {
        var result = new List<ReportProse>();
        for (var i = 0; i < document.Blocks.Count; i++)
        {
            if (document.Blocks[i] is LayoutParagraph p)
            {
                var section = starts.Where(s => s.BlockIndex <= i).OrderBy(static s => s.BlockIndex).LastOrDefault().Section?.Number;
                result.Add(new ReportProse(section, p.Text, p.Location));
            }
        }

        return result;
    }

    /// <summary>The six sections, found (with the index of their heading's block) or not (index −1).</summary>
    internal static List<(ReportSection Section, int BlockIndex)> FindSections(LayoutDocument document)
    {
        var headings = document.Blocks
            .Select(static (b, i) => (Heading: b is LayoutParagraph p ? ReadHeading(p) : null, Index: i))
            .Where(static h => h.Heading is not null)
            .ToList();
        var result = new List<(ReportSection, int)>();
        foreach (var (number, title, _) in TemplateWords.Sections)
        {
            var found = headings.FirstOrDefault(h => h.Heading!.Number == number && h.Heading.Meanings.Contains(number));
            result.Add(found.Heading is { } h
                ? (new ReportSection(number, h.Head, true, document.Blocks[found.Index].Location), found.Index)
                : (new ReportSection(number, title, false, null), -1));
        }

        return result;
    }

    /// <summary>
    /// A paragraph read as a heading: its list number (一、) and the sections its words mean, looking at its first
    /// line up to the first full stop. Null when it has no number or its words mean no section.
    /// </summary>
    private static ParsedHeading? ReadHeading(LayoutParagraph paragraph)
    {
        var all = paragraph.Text;
        var lineEnd = all.IndexOf('\n');
        var text = (lineEnd < 0 ? all : all[..lineEnd]).Trim();
        if (LabelText.HeadingNumber(text) is not { } number)
        {
            return null;
        }

        var head = text.Length > MaxHeadingLength ? text[..MaxHeadingLength] : text;
        var sentenceEnd = head.IndexOfAny(['。', '；']);
        if (sentenceEnd > 0)
        {
            head = head[..sentenceEnd];
        }

        var meanings = TemplateWords.Sections.Where(t => t.Words.Any(m => head.Contains(m, StringComparison.Ordinal))).Select(static t => t.Number).ToList();
        return meanings.Count == 0 ? null : new ParsedHeading(number, head.Trim(), meanings, IsShort: text.Length <= MaxHeadingLength);
    }

    private sealed record ParsedHeading(string Number, string Head, List<string> Meanings, bool IsShort);

    /// <summary>
    /// Gives each table block to the statistical table whose distinctive labels it carries most; a block with
    /// none goes to the table of the section it stands in.
    /// </summary>
    private static Dictionary<string, List<LayoutTable>> ClassifyTables(
        LayoutDocument document, List<(ReportSection Section, int BlockIndex)> sectionStarts, RecognitionCaches caches)
    {
        var result = TableTemplate.All.ToDictionary(static t => t.Name, static _ => new List<LayoutTable>());
        for (var i = 0; i < document.Blocks.Count; i++)
        {
            if (document.Blocks[i] is not LayoutTable table)
            {
                continue;
            }

            var labels = new List<string>(table.Cells.Count);
            for (var c = 0; c < table.Cells.Count; c++)
            {
                if (caches.Normalize(table.Cells[c].Text) is { Length: >= 2 } label)
                {
                    labels.Add(label);
                }
            }

            TableTemplate? best = null;
            var bestScore = 0;
            foreach (var matching in caches.Tables)
            {
                var score = labels.Count(matching.IsDistinctive);
                if (score > bestScore)
                {
                    best = matching.Template;
                    bestScore = score;
                }
            }

            if (best is null)
            {
                var section = sectionStarts.LastOrDefault(s => s.BlockIndex < i).Section?.Number;
                best = TableTemplate.All.FirstOrDefault(t => t.Section == section);
            }

            if (best is not null)
            {
                result[best.Name].Add(table);
            }
        }

        return result;
    }

    /// <summary>
    /// Each found table's own template. Section 二 shows it in its columns and rows; section 三 only in （六）其他处理:
    /// three sub-rows are the 2021 table whatever section 二 is (a 2021 report may keep the 2019 section 二), a single
    /// row is the 2019 table only beside a 2019 section 二 (elsewhere the contract calls the sub-rows missing);
    /// section 四 is alike in both and takes the newest template the others show.
    /// </summary>
    private static List<ReportTable> TableTemplates(List<ReportTable> tables, Dictionary<string, ReportCell> cells, string? report)
    {
        var active = tables.First(static t => t.Name == "active").Found
            ? cells.Keys.Any(static k => k.StartsWith("active2019.", StringComparison.Ordinal)) ? "2019" : "2021"
            : null;
        var requests = tables.First(static t => t.Name == "requests").Found
            ? OtherSubRows.Any(r => cells.ContainsKey(r)) ? "2021" : active ?? "2021"
            : null;
        var appeals = active == "2021" || requests == "2021" ? "2021" : report;
        return tables.Select(t => t.Found
            ? t with { Template = t.Name switch { "active" => active, "requests" => requests, _ => appeals } }
            : t).ToList();
    }

    private static readonly string[] OtherSubRows = CellCatalog.All
        .Where(static c => c.Table == "requests" && c.Template == "2021").Select(static c => c.Key).ToArray();

    private static string? DetectTemplate(Dictionary<string, ReportCell> cells)
    {
        if (cells.Keys.Any(static k => k.StartsWith("active2019.", StringComparison.Ordinal)))
        {
            return "2019";
        }

        return cells.Count > 0 ? "2021" : null;
    }

    /// <summary>Agency and year from the report's title: “…2024年（度）政府信息公开（工作）年度报告”.</summary>
    internal static (string? Agency, int? Year) FindIdentity(LayoutDocument document)
    {
        var lines = document.Blocks.Take(40).SelectMany(Lines).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var m = TitlePattern().Match(lines[i]);
            if (!m.Success)
            {
                continue;
            }

            var year = int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);

            // The agency often stands on its own line above the title.
            var agency = CleanAgency(m.Groups["agency"].Value) ?? (i > 0 ? CleanAgency(lines[i - 1]) : null);
            return (agency, year);
        }

        if (document.Title is not null)
        {
            var m = TitlePattern().Match(LabelText.Fold(document.Title));
            if (m.Success)
            {
                return (CleanAgency(m.Groups["agency"].Value),
                    int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var period = lines.Select(static l => PeriodPattern().Match(l)).FirstOrDefault(static m => m.Success);
        return (null, period is null ? null : int.Parse(period.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The report's own title, if the document has one: its title (HTML &lt;title&gt;) or a line above its first section
    /// heading (<paramref name="beforeBlock"/>) that reads as a report's title. Titles further down are links to
    /// other reports (上一篇, 相关阅读), not this document's.
    /// </summary>
    internal static string? FindReportTitle(LayoutDocument document, int beforeBlock)
    {
        if (document.Title is { } own && IsReportTitle(LabelText.Fold(own).Trim()))
        {
            return own.Trim();
        }

        return document.Blocks.Take(beforeBlock).SelectMany(Lines).FirstOrDefault(IsReportTitle);
    }

    /// <summary>
    /// A line that is a report's title: a year and 政府信息公开工作年度报告 (in the orders reports print them), ending there
    /// or before a site name, a date or （全文）. A line that goes on (…年度报告》解读, …年度报告的解读, …年度报告发布) is about
    /// a report, not one.
    /// </summary>
    internal static bool IsReportTitle(string foldedLine) => ReportTitlePattern().IsMatch(foldedLine);

    /// <summary>What a report title is about.</summary>
    internal const string TitleSubject = "信息公开";

    /// <summary>The words that may stand between <see cref="TitleSubject"/> and the title's end (…信息公开工作年度报告), at most <see cref="TitleFillerLength"/> of them.</summary>
    internal const string TitleFillers = "工作年度";

    /// <summary>See <see cref="TitleFillers"/>: 工作, 年度 and 工作 again.</summary>
    internal const int TitleFillerLength = 6;

    /// <summary>The words that end a report title.</summary>
    internal static readonly string[] TitleEnds = TitleEndWords.Split('|');

    /// <summary>
    /// How many characters may stand between the year's 年 and <see cref="TitleSubject"/> (度, the body's name in
    /// 2023年某县…, 政府), none of them one of <see cref="TitleMiddleStops"/>.
    /// </summary>
    internal const int TitleMiddleLength = 31;

    /// <summary>See <see cref="TitleMiddleLength"/>.</summary>
    internal const string TitleMiddleStops = "0123456789。；;，,";

    private const string TitleEndWords = "报告|年报";

    private const string TitleTail = TitleSubject + @"(?:工作)?\s*(?:年度)?\s*(?:工作)?\s*(?:" + TitleEndWords + ")";

    // …2024年（度）政府信息公开（工作）年度报告, 2024年某县政府信息公开…报告, or …年度报告（2024年度）; then its end, (全文),
    // a site name or date after a separator, and nothing else. The glance before reading (ReportMarkers) looks for
    // the same words within the lengths above: a change here is a change there.
    [GeneratedRegex(@"^[^0-9]{0,40}(?:(?:19|20)[0-9]{2}\s*年\s*度?[^0-9。；;，,]{0,30}" + TitleTail + "|" + TitleTail
        + @"\s*[(（]\s*(?:19|20)[0-9]{2}\s*年?\s*度?\s*[)）])\s*(?:[(（]?全文[)）]?)?(?:$|[\s\-_|—–·])")]
    private static partial Regex ReportTitlePattern();

    // The lines a title may stand on: paragraphs, and lone cells (text copies often indent the agency line like a cell).
    private static IEnumerable<string> Lines(LayoutBlock block) => (block switch
    {
        LayoutParagraph p => p.Text.Split('\n'),
        LayoutTable t when t.Cells.Count(static c => c.Text.Length > 0) == 1 => t.Cells.First(static c => c.Text.Length > 0).Text.Split('\n'),
        _ => [],
    }).Select(static l => LabelText.Fold(l).Trim()).Where(static l => l.Length > 0);

    private static string? CleanAgency(string raw)
    {
        var s = raw.Trim();
        var colon = s.LastIndexOfAny([':', '：']);
        if (colon >= 0)
        {
            s = s[(colon + 1)..];
        }

        s = AgencyNoise().Replace(s, string.Empty).Trim();
        return s.Length is >= 2 and <= 40 && !s.Any(char.IsDigit) ? s : null;
    }

    [GeneratedRegex(@"^(?<agency>[^0-9]{0,40}?)\s*(?<year>(?:19|20)[0-9]{2})\s*年\s*度?\s*(?:政府)?信息公开(?:工作)?\s*年度?\s*报告")]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"自\s*((?:19|20)[0-9]{2})\s*年\s*1\s*月\s*1\s*日")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"^\s*((?:19|20)[0-9]{2})\s*年(?!\s*[0-9]{1,2}\s*月)")]
    private static partial Regex OpeningPattern();

    [GeneratedRegex(@"^(?:关于|标题|[\s《“""]+)|[\s》”""]+$")]
    private static partial Regex AgencyNoise();
}
