using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Recognition;

/// <summary>
/// Whether a recognised document is a disclosure annual report, on evidence the ordinary pages of a government site
/// do not have: one of the template's statistical tables with enough of its labels, or the report's title above at
/// least two of its sections. Menus (政府信息公开年度报告, 依申请公开, 行政复议), a work summary's 一、总体情况 over a
/// statistics table, a 政府信息公开指南 or a 工作要点 reusing the sections' words, a list of report titles: none is
/// either. A report missing a section, or all its tables, still is one, and gets its SEC001/SEC002 findings.
/// </summary>
/// <param name="Title">The report's title, when the document has one above its sections.</param>
/// <param name="Sections">The sections found by number and meaning (一 … 六).</param>
/// <param name="Tables">What was found of each statistical table.</param>
internal sealed record ReportEvidence(string? Title, IReadOnlyList<string> Sections, IReadOnlyList<TableEvidence> Tables)
{
    /// <summary>Sections a titled document needs to be a report without any table: one heading may be anybody's.</summary>
    public const int MinSections = 2;

    /// <summary>Distinct rows and columns a table must have cells under (of 25 + 7 in section 三, 3 + 5 in section 四).</summary>
    public const int MinTableLabels = 5;

    /// <summary>
    /// Distinct anchors (<see cref="TableTemplate.Anchors"/>) a table's cells must print: fuzzy matching alone would let
    /// any table of 合计 and 其他 through, and a credit-information table prints 行政许可, 行政处罚, 行政强制 and
    /// 本年处理决定数量 too. The template's tables print 8 (section 四), 12 (二) and about 30 (三). They are what the
    /// glance before reading looks for, too (see <see cref="ReportMarkers"/>).
    /// </summary>
    public const int MinTableAnchors = 6;

    // The row and column of every key (table.row.column), cut once rather than per document.
    private static readonly Dictionary<string, (string Row, string Column)> KeyParts = CellCatalog.All
        .Select(static d => d.Key.Split('.'))
        .Where(static parts => parts.Length == 3)
        .ToDictionary(static parts => string.Join('.', parts), static parts => (parts[1], parts[2]), StringComparer.Ordinal);

    /// <summary>True when the evidence makes the document a report.</summary>
    public bool IsReport => Tables.Any(static t => t.Suffices) || (Title is not null && Sections.Count >= MinSections);

    /// <summary>What evidence was missing, for the error of a document that is not a report.</summary>
    public string Missing
    {
        get
        {
            var best = Tables.OrderByDescending(static t => t.Labels + t.Anchors).First();
            var tables = best.Labels == 0 && best.Anchors == 0
                ? "no statistical table (第二十条 …, 申请人情况 …, 行政复议 / 行政诉讼 …)"
                : $"no statistical table with enough of its labels (the most, section {best.Template.Section}'s: "
                  + $"cells under {best.Labels} rows and columns, {best.Anchors} of its own labels; {MinTableLabels} and {MinTableAnchors} are needed)";
            var sections = Sections.Count == 0
                ? "none of the six sections (一、总体情况 …)"
                : "section" + (Sections.Count > 1 ? "s " : " ") + string.Join(", ", Sections) + " by number and meaning";
            var titled = Title is null ? "no report title (…年政府信息公开工作年度报告) above its sections" : $"the report title “{Title}”";
            return $"{tables}; {titled} and {sections} (without a table, a title and {MinSections} sections are needed)";
        }
    }

    /// <summary>Weighs the evidence of a document and the report recognised from it.</summary>
    public static ReportEvidence Weigh(LayoutDocument document, Report report)
    {
        // The layout the report was read from: text a crawler flattened is weighed as rebuilt.
        var caches = new RecognitionCaches();
        return WeighRecognized(FlatText.Rebuild(document, caches).Layout, report, caches);
    }

    /// <summary>
    /// Weighs the evidence of the layout the report was recognised from (<see cref="ReportRecognizer.Recognize(LayoutDocument, RecognitionCaches, out LayoutDocument)"/>):
    /// the pipeline has it already, so flattened text is not rebuilt a second time.
    /// </summary>
    public static ReportEvidence WeighRecognized(LayoutDocument document, Report report, RecognitionCaches caches)
    {
        var sections = ReportRecognizer.FindSections(document).Where(static s => s.BlockIndex >= 0).ToList();
        var firstHeading = sections.Count == 0 ? document.Blocks.Count : sections.Min(static s => s.BlockIndex);
        var title = ReportRecognizer.FindReportTitle(document, firstHeading);

        var anchors = TableTemplate.All.Select(static t => new bool[t.Anchors.Count]).ToArray();
        foreach (var table in document.Blocks.OfType<LayoutTable>())
        {
            foreach (var cell in table.Cells)
            {
                if (cell.Text.Length >= 2 && !LabelText.LooksLikeValue(cell.Text))
                {
                    foreach (var (t, a) in caches.AnchorsIn(caches.Normalize(cell.Text)))
                    {
                        anchors[t][a] = true;
                    }
                }
            }
        }

        var rows = new HashSet<string>(StringComparer.Ordinal);
        var columns = new HashSet<string>(StringComparer.Ordinal);
        var tables = TableTemplate.All.Select((template, t) =>
        {
            rows.Clear();
            columns.Clear();
            foreach (var key in report.Cells.Keys)
            {
                if (template.Keys.Contains(key) && KeyParts.TryGetValue(key, out var parts))
                {
                    rows.Add(parts.Row);
                    columns.Add(parts.Column);
                }
            }

            return new TableEvidence(template, rows.Count + columns.Count, anchors[t].Count(static a => a));
        }).ToList();

        return new ReportEvidence(title, sections.Select(static s => s.Section.Number).ToList(), tables);
    }
}

/// <summary>What was found of one statistical table.</summary>
/// <param name="Template">The table.</param>
/// <param name="Labels">Distinct rows plus distinct columns (blocks and results in section 四) its located cells are under.</param>
/// <param name="Anchors">Distinct <see cref="TableTemplate.Anchors"/> printed in the document's table cells.</param>
internal sealed record TableEvidence(TableTemplate Template, int Labels, int Anchors)
{
    /// <summary>True when this is evidence enough of the table.</summary>
    public bool Suffices => Labels >= ReportEvidence.MinTableLabels && Anchors >= ReportEvidence.MinTableAnchors;
}
