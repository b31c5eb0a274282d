using System.Globalization;
using System.Text;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;

namespace Disclosure.Parsing.Output.Site;

/// <summary>
/// One document's audit as a self-contained HTML page: a header (agency, year, format, template, counts), the sections
/// found or missing, the three statistical tables drawn in the national template's layout with every cell's printed
/// text and value (absent and blank cells drawn differently, each cell's location on hover), the cells of findings
/// marked, a list of the findings that highlights their cells when clicked, and for a PDF read with page geometry
/// (<see cref="Reading.Pdf.PdfReaderOptions.KeepPageGeometry"/>) a drawing of the pages that hold the tables: the
/// words and ruling lines as the reader saw them, with the cells of findings outlined.
/// </summary>
/// <remarks>
/// The page fetches nothing and runs only its own script (a content security policy with the script's hash); every
/// text taken from the document is escaped.
/// </remarks>
public static class DocumentPage
{
    private static readonly (string Name, string Section)[] TableNames = [("active", "二"), ("requests", "三"), ("appeals", "四")];

    /// <summary>The page of <paramref name="result"/>.</summary>
    /// <param name="result">The audit result.</param>
    /// <param name="layout">The document's layout, when its page geometry should be drawn (PDF only); null for none.</param>
    /// <param name="indexHref">A link back to the overview, or null for none.</param>
    public static string Render(AuditResult result, LayoutDocument? layout = null, string? indexHref = null)
    {
        var body = new StringBuilder();
        var report = result.Report;
        if (indexHref is not null)
        {
            body.Append("<p class=\"noprint\"><a href=\"").Append(SiteHtml.Attribute(indexHref)).Append("\">← 总览 (overview)</a></p>\n");
        }

        var title = report?.Agency is { } agency ? $"{agency} {report.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty}" : Path.GetFileName(result.File);
        body.Append("<h1>").Append(SiteHtml.Text(title)).Append("</h1>\n");
        Header(body, result);
        if (report is null)
        {
            body.Append("<p class=\"sev-error\" id=\"error\">未能读取 (not read): ").Append(SiteHtml.Text(result.Error)).Append("</p>\n");
            var failed = new StringBuilder();
            SiteHtml.Page(failed, title, body.ToString(), SiteHtml.DocumentScript);
            return failed.ToString();
        }

        var marks = Marks(result.Findings);
        body.Append("<div class=\"layout\">\n<main>\n");
        Sections(body, report);
        body.Append("<p class=\"legend\"><span class=\"l-error\">错误 error</span><span class=\"l-warning\">警告 warning</span>")
            .Append("<span class=\"l-absent\">未找到 absent</span><span class=\"l-blank\">空白 blank</span> <span class=\"muted\">悬停单元格查看位置 (hover a cell for its location)</span></p>\n");
        foreach (var (name, section) in TableNames)
        {
            Table(body, report, name, section, result.Findings, marks);
        }

        if (layout is { Pages.Count: > 0 })
        {
            PageViews(body, report, layout, result.Findings, marks);
        }

        body.Append("</main>\n<aside class=\"side\">\n");
        FindingList(body, result.Findings);
        body.Append("</aside>\n</div>\n");
        var html = new StringBuilder(body.Length + 16 * 1024);
        SiteHtml.Page(html, title, body.ToString(), SiteHtml.DocumentScript);
        return html.ToString();
    }

    /// <summary>The cells named by findings, each with the most serious severity that names it.</summary>
    internal static Dictionary<string, Severity> Marks(IReadOnlyList<Finding> findings)
    {
        var marks = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            foreach (var key in f.Cells)
            {
                if (CellCatalog.Find(key) is not null && (!marks.TryGetValue(key, out var s) || f.Severity > s))
                {
                    marks[key] = f.Severity;
                }
            }
        }

        return marks;
    }

    private static void Header(StringBuilder body, AuditResult result)
    {
        var report = result.Report;
        var errors = result.Findings.Count(static f => f.Severity == Severity.Error);
        var warnings = result.Findings.Count(static f => f.Severity == Severity.Warning);
        var notes = result.Findings.Count - errors - warnings;
        body.Append("<dl class=\"facts\" id=\"header\">\n");
        Fact(body, "文件 file", result.File);
        Fact(body, "机关 agency", report?.Agency ?? "—");
        Fact(body, "年度 year", report?.Year?.ToString(CultureInfo.InvariantCulture) ?? "—");
        Fact(body, "格式 format", result.Format ?? "—");
        if (report is not null)
        {
            var tables = string.Join("，", report.Tables.Where(static t => t.Found).Select(t => $"{t.Section} {t.Template ?? report.Template}"));
            Fact(body, "模板 template", (report.Template ?? "—") + (tables.Length > 0 ? $"（{tables}）" : string.Empty));
            Fact(body, "读取单元格 cells read", $"{report.Cells.Count} / {CellCatalog.For(report.Template ?? "2021").Count()}");
        }

        Fact(body, "发现 findings", $"{errors} 错误 error · {warnings} 警告 warning · {notes} 提示 note");
        foreach (var problem in result.Problems)
        {
            Fact(body, "读取问题 problem", problem);
        }

        body.Append("</dl>\n");
    }

    private static void Fact(StringBuilder body, string name, string value) =>
        body.Append("<dt>").Append(SiteHtml.Text(name)).Append("</dt><dd>").Append(SiteHtml.Text(value)).Append("</dd>\n");

    private static void Sections(StringBuilder body, Report report)
    {
        body.Append("<h2>章节 Sections</h2>\n<ul class=\"sections\" id=\"sections\">");
        foreach (var s in report.Sections)
        {
            body.Append("<li class=\"").Append(s.Found ? "found" : "missing").Append("\" title=\"")
                .Append(SiteHtml.Attribute(s.Found ? s.Location : "未找到 (missing)")).Append("\">")
                .Append(s.Found ? "✓ " : "✗ ").Append(SiteHtml.Text(s.Title)).Append("</li>");
        }

        body.Append("</ul>\n");
    }

    private static void Table(StringBuilder body, Report report, string name, string section, IReadOnlyList<Finding> findings, Dictionary<string, Severity> marks)
    {
        var table = report.Tables.FirstOrDefault(t => t.Name == name);
        var template = report.TemplateOf(name) ?? report.Template ?? "2021";
        var sectionTitle = report.Sections.FirstOrDefault(s => s.Number == section)?.Title ?? section;
        body.Append("<h2 id=\"t-").Append(name).Append("\">").Append(SiteHtml.Text(sectionTitle)).Append("</h2>\n");
        if (table is { Found: true })
        {
            body.Append("<p class=\"muted\">").Append(SiteHtml.Text($"模板 {template}，位置 {table.Location}")).Append("</p>\n");
        }
        else
        {
            body.Append("<p class=\"sev-error\">未找到此表 (table not found)</p>\n");
        }

        // The template's cells, and any other cell of this table the document printed or a finding names.
        var named = new HashSet<string>(findings.SelectMany(static f => f.Cells), StringComparer.Ordinal);
        var prefix = name == "active" && template == "2019" ? "active2019" : name;
        var defs = CellCatalog.All
            .Where(d => (d.Table == prefix && d.In(template)) || (TableOf(d) == name && (report.Cells.ContainsKey(d.Key) || named.Contains(d.Key))))
            .ToList();
        if (name == "appeals")
        {
            // Section 四 is printed as one row: each block a group of result columns.
            Grid(body, report, defs, static _ => [], static d => [.. d.RowPath, .. d.ColumnPath], marks);
        }
        else if (name == "active")
        {
            // Section 二 is printed block by block (第二十条第（一）项 …), each with its own columns.
            foreach (var block in defs.GroupBy(static d => (d.Table, d.RowPath[0])))
            {
                Grid(body, report, block.ToList(), static d => d.RowPath, static d => d.ColumnPath, marks);
            }
        }
        else
        {
            Grid(body, report, defs, static d => d.RowPath, static d => d.ColumnPath, marks);
        }
    }

    private static string TableOf(CellDefinition d) => d.Table == "active2019" ? "active" : d.Table;

    /// <summary>
    /// A grid of cells under nested column labels beside nested row labels, labels merged as the template merges them.
    /// Paths are ordered as a tree in the order first met, so a row printed with and without sub-rows stays together.
    /// </summary>
    private static void Grid(
        StringBuilder body, Report report, List<CellDefinition> defs, Func<CellDefinition, IReadOnlyList<string>> rowPath,
        Func<CellDefinition, IReadOnlyList<string>> columnPath, Dictionary<string, Severity> marks)
    {
        var rows = TreeOrder(defs.Select(rowPath));
        var columns = TreeOrder(defs.Select(columnPath));
        var byPosition = new Dictionary<(string Row, string Column), CellDefinition>();
        foreach (var d in defs)
        {
            byPosition.TryAdd((Join(rowPath(d)), Join(columnPath(d))), d);
        }

        var rowDepth = rows.Count == 0 ? 0 : rows.Max(static r => r.Count);
        var headDepth = columns.Count == 0 ? 0 : columns.Max(static c => c.Count);
        body.Append("<table class=\"grid\">\n<thead>\n");
        for (var level = 0; level < headDepth; level++)
        {
            body.Append("<tr>");
            if (level == 0 && rowDepth > 0)
            {
                body.Append("<th rowspan=\"").Append(headDepth).Append("\" colspan=\"").Append(rowDepth).Append("\"></th>");
            }

            foreach (var (c, span) in Starts(columns, level))
            {
                var path = columns[c];
                var last = level == path.Count - 1;
                body.Append("<th colspan=\"").Append(span).Append("\" rowspan=\"").Append(last ? headDepth - level : 1).Append("\">")
                    .Append(SiteHtml.Text(path[level])).Append("</th>");
            }

            body.Append("</tr>\n");
        }

        body.Append("</thead>\n<tbody>\n");
        var rowStarts = Enumerable.Range(0, rowDepth).Select(level => Starts(rows, level).ToDictionary(static s => s.Index, static s => s.Span)).ToList();
        for (var r = 0; r < Math.Max(rows.Count, 1); r++)
        {
            body.Append("<tr>");
            var path = rows.Count == 0 ? [] : rows[r];
            for (var level = 0; level < path.Count; level++)
            {
                if (rowStarts[level].TryGetValue(r, out var span))
                {
                    var last = level == path.Count - 1;
                    body.Append("<th class=\"row\" rowspan=\"").Append(span).Append("\" colspan=\"").Append(last ? rowDepth - level : 1).Append("\">")
                        .Append(SiteHtml.Text(path[level])).Append("</th>");
                }
            }

            var rowKey = Join(path);
            foreach (var column in columns)
            {
                if (byPosition.TryGetValue((rowKey, Join(column)), out var def))
                {
                    Cell(body, report, def, marks);
                }
                else
                {
                    body.Append("<td class=\"none\"></td>");
                }
            }

            body.Append("</tr>\n");
        }

        body.Append("</tbody>\n</table>\n");
    }

    private static void Cell(StringBuilder body, Report report, CellDefinition def, Dictionary<string, Severity> marks)
    {
        var cell = report.Cell(def.Key);
        var state = cell is null ? "absent" : cell.Text.Length == 0 ? "blank" : "read";
        body.Append("<td id=\"c-").Append(SiteHtml.Attribute(def.Key)).Append("\" data-key=\"").Append(SiteHtml.Attribute(def.Key))
            .Append("\" class=\"cell ").Append(state);
        if (marks.TryGetValue(def.Key, out var severity))
        {
            body.Append(" marked ").Append(ReportJson.SeverityName(severity));
        }

        var label = $"{def.Key}\n{string.Join(" › ", def.RowPath)} × {string.Join(" › ", def.ColumnPath)}\n";
        body.Append("\" title=\"").Append(SiteHtml.Attribute(label + (cell is null ? "未找到 (not located in the document)" : "位置 " + cell.Location))).Append("\">");
        switch (state)
        {
            case "absent":
                body.Append("未找到");
                break;
            case "blank":
                body.Append("空白");
                break;
            default:
                body.Append("<span class=\"t\">").Append(SiteHtml.Text(cell!.Text)).Append("</span>");
                var value = cell.Value?.ToString(CultureInfo.InvariantCulture);
                if (value is null)
                {
                    body.Append("<span class=\"v\">非数字 not a number</span>");
                }
                else if (value != cell.Text)
                {
                    body.Append("<span class=\"v\">= ").Append(value).Append("</span>");
                }

                break;
        }

        body.Append("</td>");
    }

    private static void FindingList(StringBuilder body, IReadOnlyList<Finding> findings)
    {
        body.Append("<h2>发现 Findings (").Append(findings.Count).Append(")</h2>\n");
        if (findings.Count == 0)
        {
            body.Append("<p id=\"no-findings\">没有发现问题 (no findings)</p>\n");
            return;
        }

        body.Append("<ol class=\"findings\" id=\"findings\">\n");
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var severity = ReportJson.SeverityName(f.Severity);
            var cells = f.Cells.Where(static k => CellCatalog.Find(k) is not null).ToList();
            body.Append("<li id=\"f").Append(i + 1).Append("\" class=\"").Append(severity).Append("\" data-cells=\"")
                .Append(SiteHtml.Attribute(string.Join(' ', cells))).Append("\" title=\"")
                .Append(SiteHtml.Attribute(RuleCatalog.Find(f.RuleId)?.Title)).Append("\">")
                .Append("<span class=\"rule\">").Append(SiteHtml.Text(f.RuleId)).Append("</span> <span class=\"sev-").Append(severity).Append("\">")
                .Append(severity).Append("</span> ").Append(SiteHtml.Text(f.Message));
            if (cells.Count > 0)
            {
                body.Append("<br><span class=\"muted\">");
                foreach (var key in cells)
                {
                    body.Append("<a href=\"#c-").Append(SiteHtml.Attribute(key)).Append("\">").Append(SiteHtml.Text(key)).Append("</a> ");
                }

                body.Append("</span>");
            }

            body.Append("</li>\n");
        }

        body.Append("</ol>\n");
    }

    /// <summary>The pages holding the report's cells, drawn from the reader's geometry, with the cells of findings outlined.</summary>
    private static void PageViews(StringBuilder body, Report report, LayoutDocument layout, IReadOnlyList<Finding> findings, Dictionary<string, Severity> marks)
    {
        var boxes = new Dictionary<string, LayoutBox>(StringComparer.Ordinal);
        foreach (var table in layout.Blocks.OfType<LayoutTable>())
        {
            foreach (var c in table.Cells)
            {
                if (c.Box is { } box)
                {
                    boxes.TryAdd(c.Location, box);
                }
            }
        }

        var cellBoxes = report.Cells.Values
            .Select(c => (c.Key, Box: boxes.GetValueOrDefault(c.Location)))
            .Where(static c => c.Box is not null)
            .ToList();
        var pages = cellBoxes.Select(static c => c.Box!.Page).Distinct().Order().ToList();
        if (pages.Count == 0)
        {
            return;
        }

        body.Append("<h2>页面 Pages as read</h2>\n<p class=\"muted\">PDF 读取器所见：文字位置与表格线；发现所涉单元格已框出。 (The words and ruling lines as the PDF reader saw them; the cells of findings outlined.)</p>\n<div class=\"pages\">\n");
        foreach (var page in layout.Pages.Where(p => pages.Contains(p.Number)))
        {
            body.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"page\" id=\"page-").Append(page.Number)
                .Append("\" data-page=\"").Append(page.Number).Append("\" viewBox=\"0 0 ").Append(SiteHtml.Number(page.Width)).Append(' ')
                .Append(SiteHtml.Number(page.Height)).Append("\" width=\"").Append(SiteHtml.Number(page.Width * 1.4)).Append("\" height=\"")
                .Append(SiteHtml.Number(page.Height * 1.4)).Append("\" role=\"img\" aria-label=\"page ").Append(page.Number).Append("\">\n");
            body.Append("<title>page ").Append(page.Number).Append("</title>\n");
            foreach (var r in page.Rulings)
            {
                var (x1, y1, x2, y2) = r.Horizontal ? (r.From, r.Position, r.To, r.Position) : (r.Position, r.From, r.Position, r.To);
                body.Append("<line x1=\"").Append(SiteHtml.Number(x1)).Append("\" y1=\"").Append(SiteHtml.Number(y1)).Append("\" x2=\"")
                    .Append(SiteHtml.Number(x2)).Append("\" y2=\"").Append(SiteHtml.Number(y2)).Append("\"/>\n");
            }

            foreach (var w in page.Words)
            {
                var height = Math.Max(w.Box.Bottom - w.Box.Top, 1);
                body.Append("<text x=\"").Append(SiteHtml.Number(w.Box.Left)).Append("\" y=\"").Append(SiteHtml.Number(w.Box.Bottom - (height * 0.12)))
                    .Append("\" font-size=\"").Append(SiteHtml.Number(height)).Append("\" textLength=\"").Append(SiteHtml.Number(Math.Max(w.Box.Right - w.Box.Left, 0.5)))
                    .Append("\" lengthAdjust=\"spacingAndGlyphs\">").Append(SiteHtml.Text(w.Text)).Append("</text>\n");
            }

            foreach (var (key, box) in cellBoxes.Where(c => c.Box!.Page == page.Number && marks.ContainsKey(c.Key)).OrderBy(static c => c.Key, StringComparer.Ordinal))
            {
                body.Append("<rect class=\"fcell ").Append(ReportJson.SeverityName(marks[key])).Append("\" data-key=\"").Append(SiteHtml.Attribute(key))
                    .Append("\" x=\"").Append(SiteHtml.Number(box!.Left)).Append("\" y=\"").Append(SiteHtml.Number(box.Top)).Append("\" width=\"")
                    .Append(SiteHtml.Number(box.Right - box.Left)).Append("\" height=\"").Append(SiteHtml.Number(box.Bottom - box.Top)).Append("\"><title>")
                    .Append(SiteHtml.Text(key + " · " + report.Cells[key].Location)).Append("</title></rect>\n");
            }

            body.Append("</svg>\n");
        }

        body.Append("</div>\n");
    }

    /// <summary>The positions (index, span) where a label starts at <paramref name="level"/>, and how many paths it covers.</summary>
    private static IEnumerable<(int Index, int Span)> Starts(List<IReadOnlyList<string>> paths, int level)
    {
        var i = 0;
        while (i < paths.Count)
        {
            if (paths[i].Count <= level)
            {
                i++;
                continue;
            }

            var j = i + 1;
            while (j < paths.Count && paths[j].Count > level && SamePrefix(paths[i], paths[j], level) && paths[j - 1].Count - 1 != level)
            {
                j++;
            }

            yield return (i, j - i);
            i = j;
        }
    }

    private static bool SamePrefix(IReadOnlyList<string> a, IReadOnlyList<string> b, int level)
    {
        for (var k = 0; k <= level; k++)
        {
            if (a[k] != b[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Distinct paths as a tree in the order first met, flattened depth first (a node before its children).</summary>
    private static List<IReadOnlyList<string>> TreeOrder(IEnumerable<IReadOnlyList<string>> paths)
    {
        var root = new Node();
        foreach (var path in paths)
        {
            var node = root;
            foreach (var part in path)
            {
                if (!node.Children.TryGetValue(part, out var child))
                {
                    child = new Node();
                    node.Children.Add(part, child);
                    node.Order.Add(part);
                }

                node = child;
            }

            node.Path ??= path;
        }

        var result = new List<IReadOnlyList<string>>();
        void Walk(Node n)
        {
            if (n.Path is not null)
            {
                result.Add(n.Path);
            }

            foreach (var part in n.Order)
            {
                Walk(n.Children[part]);
            }
        }

        Walk(root);
        return result;
    }

    private static string Join(IReadOnlyList<string> path) => string.Join('｜', path);

    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public List<string> Order { get; } = [];

        public IReadOnlyList<string>? Path { get; set; }
    }
}
