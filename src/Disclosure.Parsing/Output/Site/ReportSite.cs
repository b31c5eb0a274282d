using System.Globalization;
using System.Text;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.CrossYear;

namespace Disclosure.Parsing.Output.Site;

/// <summary>
/// Writes a static, self-contained site of a batch's audit into a directory: one page per document
/// (<see cref="DocumentPage"/>) as results come, and at <see cref="Complete"/> an <c>index.html</c> overview (one
/// sortable, filterable row per document with its ratios, findings by rule, and each agency's years side by side with
/// the cross-year findings). Keeps a small row per document, never the reports themselves.
/// </summary>
/// <example>
/// <code>
/// using var site = new ReportSite("site");
/// foreach (var file in files) { site.Add(DisclosurePipeline.Default.Audit(file)); }
/// site.Complete();
/// </code>
/// </example>
public sealed class ReportSite : IDisposable
{
    /// <summary>The folder, under the site's directory, that holds the document pages.</summary>
    public const string DocumentsFolder = "documents";

    private readonly string _directory;
    private readonly List<Row> _rows = [];
    private readonly List<CrossYearResult> _pairs = [];
    private bool _completed;

    /// <summary>Creates the site's directory (and its documents folder) if needed.</summary>
    /// <param name="directory">Where to write; files of the same names are replaced.</param>
    public ReportSite(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(Path.Combine(directory, DocumentsFolder));
    }

    /// <summary>The file name of each document's page so far (relative to the site's directory), by the file as given.</summary>
    public IReadOnlyDictionary<string, string> Pages => _rows.ToDictionary(static r => r.File, static r => r.Href, StringComparer.Ordinal);

    /// <summary>Writes the page of one document and keeps its row for the overview.</summary>
    /// <param name="result">The audit result.</param>
    /// <param name="layout">The document's layout with page geometry, to draw its pages (PDF); null for none.</param>
    public void Add(AuditResult result, LayoutDocument? layout = null)
    {
        var href = DocumentsFolder + "/" + PageName(result.File);
        File.WriteAllText(Path.Combine(_directory, href), DocumentPage.Render(result, layout, "../index.html"), new UTF8Encoding(false));
        var report = result.Report;
        _rows.Add(new Row(
            result.File,
            href,
            result.Format,
            report?.Agency,
            report?.Year,
            report?.Template,
            report?.Cells.Count,
            result.Findings.Count(static f => f.Severity == Severity.Error),
            result.Findings.Count(static f => f.Severity == Severity.Warning),
            result.Error,
            report is null ? null : ReportMetrics.Of(report),
            result.Findings.Select(static f => f.RuleId).ToList()));
    }

    /// <summary>Findings across two years of one agency (<see cref="CrossYearPass"/>), for the overview.</summary>
    public void AddCrossYear(CrossYearResult pair) => _pairs.Add(pair);

    /// <summary>Writes <c>index.html</c>; called once, after the last document.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        File.WriteAllText(Path.Combine(_directory, "index.html"), Index(), new UTF8Encoding(false));
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>A file name for a document's page: its own name made safe, numbered so that names never clash.</summary>
    private string PageName(string file)
    {
        var name = Path.GetFileName(file.TrimEnd('/', '\\'));
        var safe = new StringBuilder();
        foreach (var c in name)
        {
            safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        var stem = safe.Length == 0 ? "document" : safe.ToString();
        if (stem.Length > 80)
        {
            stem = stem[..80];
        }

        var page = $"{_rows.Count + 1:0000}-{stem}.html";
        return page;
    }

    private string Index()
    {
        var body = new StringBuilder();
        var read = _rows.Count(static r => r.Error is null);
        body.Append("<h1>政府信息公开工作年度报告 审核总览 (audit overview)</h1>\n<p>")
            .Append(_rows.Count).Append(" 份文件 documents · ").Append(read).Append(" 份已读取 read · ")
            .Append(_rows.Sum(static r => r.Errors)).Append(" 个错误 errors · ").Append(_rows.Sum(static r => r.Warnings) + _pairs.Sum(static p => p.Findings.Count))
            .Append(" 个警告 warnings</p>\n");
        body.Append("<p class=\"noprint\"><a href=\"#documents\">文件 Documents</a> · <a href=\"#rules\">按规则 By rule</a> · <a href=\"#years\">跨年 Years side by side</a> · <a href=\"#ratios\">比率 Ratios</a></p>\n");
        Documents(body);
        Ratios(body);
        Rules(body);
        Years(body);
        var html = new StringBuilder(body.Length + 16 * 1024);
        SiteHtml.Page(html, "审核总览 audit overview", body.ToString(), SiteHtml.IndexScript);
        return html.ToString();
    }

    private void Documents(StringBuilder body)
    {
        body.Append("<h2 id=\"documents-title\">文件 Documents</h2>\n<p class=\"toolbar\"><input id=\"filter\" type=\"search\" placeholder=\"筛选 filter: 机关, 年度, 格式, 规则…\" aria-label=\"filter\"> ")
            .Append("<span class=\"muted\"><span id=\"shown\">").Append(_rows.Count).Append("</span> / ").Append(_rows.Count).Append(" · 点击表头排序 (click a heading to sort)</span></p>\n");
        body.Append("<table class=\"sortable overview\" id=\"documents\">\n<thead><tr><th>文件 file</th><th>机关 agency</th><th data-numeric>年度 year</th><th>格式 format</th><th>模板 template</th>")
            .Append("<th data-numeric>单元格 cells</th><th data-numeric>错误 errors</th><th data-numeric>警告 warnings</th><th>规则 rules</th>");
        foreach (var d in ReportMetrics.Definitions)
        {
            body.Append("<th data-numeric data-metric=\"").Append(d.Id).Append("\" title=\"").Append(SiteHtml.Attribute(d.Formula)).Append("\">").Append(SiteHtml.Text(d.Name)).Append("</th>");
        }

        body.Append("<th>未能读取 not read</th></tr></thead>\n<tbody>\n");
        foreach (var r in _rows)
        {
            body.Append("<tr").Append(r.Error is null ? string.Empty : " class=\"unread\"").Append("><td><a href=\"").Append(SiteHtml.Attribute(r.Href)).Append("\">")
                .Append(SiteHtml.Text(Path.GetFileName(r.File))).Append("</a></td><td>").Append(SiteHtml.Text(r.Agency)).Append("</td>")
                .Append("<td class=\"num\">").Append(r.Year?.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(SiteHtml.Text(r.Format))
                .Append("</td><td>").Append(SiteHtml.Text(r.Template)).Append("</td><td class=\"num\">").Append(r.Cells?.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td class=\"num\">").Append(r.Error is null ? r.Errors.ToString(CultureInfo.InvariantCulture) : string.Empty)
                .Append("</td><td class=\"num\">").Append(r.Error is null ? r.Warnings.ToString(CultureInfo.InvariantCulture) : string.Empty)
                .Append("</td><td>").Append(SiteHtml.Text(string.Join(' ', r.Rules.Distinct().Order(StringComparer.Ordinal)))).Append("</td>");
            foreach (var (_, value) in r.Metrics?.ByDefinition() ?? ReportMetrics.Definitions.Select(static d => (d, (decimal?)null)).ToList())
            {
                body.Append("<td class=\"num\" data-sort=\"").Append(SiteHtml.SortKey(value)).Append("\">").Append(SiteHtml.Percent(value)).Append("</td>");
            }

            body.Append("<td>").Append(SiteHtml.Text(r.Error)).Append("</td></tr>\n");
        }

        body.Append("</tbody>\n</table>\n");
    }

    private static void Ratios(StringBuilder body)
    {
        body.Append("<h2 id=\"ratios\">比率 Ratios</h2>\n<p class=\"muted\">由第三、四部分的总计列计算；所需单元格缺失、空白或分母为零时为 —。 ")
            .Append("(Computed from the 总计 column of sections 三 and 四; — where a cell is missing or blank, or the denominator is zero. The JSON result carries them as <code>metrics</code>.)</p>\n<dl class=\"facts\">\n");
        foreach (var d in ReportMetrics.Definitions)
        {
            body.Append("<dt>").Append(SiteHtml.Text(d.Name)).Append(" <code>").Append(d.Id).Append("</code></dt><dd>").Append(SiteHtml.Text(d.Formula))
                .Append(" <span class=\"muted\">(").Append(SiteHtml.Text(string.Join(" + ", d.Numerator))).Append(") ÷ (")
                .Append(SiteHtml.Text(string.Join(" + ", d.Denominator))).Append(")</span></dd>\n");
        }

        body.Append("</dl>\n");
    }

    private void Rules(StringBuilder body)
    {
        var counts = _rows.SelectMany(r => r.Rules.Select(id => (Id: id, r.File)))
            .Concat(_pairs.SelectMany(p => p.Findings.Select(f => (Id: f.RuleId, p.File))))
            .GroupBy(static x => x.Id)
            .Select(static g => (Id: g.Key, Findings: g.Count(), Documents: g.Select(static x => x.File).Distinct().Count()))
            .OrderByDescending(static x => x.Findings).ThenBy(static x => x.Id, StringComparer.Ordinal)
            .ToList();
        body.Append("<h2 id=\"rules\">按规则 Findings by rule</h2>\n");
        if (counts.Count == 0)
        {
            body.Append("<p>没有发现问题 (no findings)</p>\n");
            return;
        }

        body.Append("<table class=\"sortable overview\" id=\"by-rule\">\n<thead><tr><th>规则 rule</th><th>说明 title</th><th data-numeric>发现 findings</th><th data-numeric>文件 documents</th></tr></thead>\n<tbody>\n");
        foreach (var (id, findings, documents) in counts)
        {
            body.Append("<tr><td class=\"rule\">").Append(SiteHtml.Text(id)).Append("</td><td>").Append(SiteHtml.Text(RuleCatalog.Find(id)?.Title))
                .Append("</td><td class=\"num\">").Append(findings).Append("</td><td class=\"num\">").Append(documents).Append("</td></tr>\n");
        }

        body.Append("</tbody>\n</table>\n");
    }

    private void Years(StringBuilder body)
    {
        var agencies = _rows.Where(static r => r.Agency is not null && r.Year is not null)
            .GroupBy(static r => r.Agency!, StringComparer.Ordinal)
            .Where(static g => g.Select(static r => r.Year).Distinct().Count() > 1)
            .OrderBy(static g => g.Key, StringComparer.Ordinal)
            .ToList();
        body.Append("<h2 id=\"years\">跨年 Agencies' years side by side</h2>\n");
        if (agencies.Count == 0)
        {
            body.Append("<p class=\"muted\">没有同一机关多个年度的报告 (no agency has reports of more than one year)</p>\n");
            return;
        }

        var byFile = _rows.ToDictionary(static r => r.File, static r => r, StringComparer.Ordinal);
        body.Append("<div class=\"years\">\n");
        foreach (var agency in agencies)
        {
            var years = agency.OrderBy(static r => r.Year).ToList();
            body.Append("<section class=\"agency\"><h3>").Append(SiteHtml.Text(agency.Key)).Append("</h3>\n<table><thead><tr><th></th>");
            foreach (var y in years)
            {
                body.Append("<th><a href=\"").Append(SiteHtml.Attribute(y.Href)).Append("\">").Append(y.Year).Append("</a></th>");
            }

            body.Append("</tr></thead><tbody>\n<tr><th class=\"row\">错误 errors</th>");
            foreach (var y in years)
            {
                body.Append("<td>").Append(y.Errors).Append("</td>");
            }

            body.Append("</tr>\n");
            for (var m = 0; m < ReportMetrics.Definitions.Count; m++)
            {
                body.Append("<tr><th class=\"row\">").Append(SiteHtml.Text(ReportMetrics.Definitions[m].Name)).Append("</th>");
                foreach (var y in years)
                {
                    body.Append("<td>").Append(SiteHtml.Percent(y.Metrics?.ByDefinition()[m].Value)).Append("</td>");
                }

                body.Append("</tr>\n");
            }

            body.Append("</tbody></table>\n");
            var pairs = _pairs.Where(p => byFile.TryGetValue(p.File, out var r) && r.Agency == agency.Key).ToList();
            if (pairs.Count > 0)
            {
                body.Append("<ul class=\"cross-year\">\n");
                foreach (var pair in pairs)
                {
                    foreach (var f in pair.Findings)
                    {
                        body.Append("<li class=\"").Append(ReportJson.SeverityName(f.Severity)).Append("\"><span class=\"rule\">").Append(SiteHtml.Text(f.RuleId))
                            .Append("</span> ").Append(pair.PreviousYear).Append(" → ").Append(pair.Report.Year).Append(": ").Append(SiteHtml.Text(f.Message)).Append("</li>\n");
                    }
                }

                body.Append("</ul>\n");
            }

            body.Append("</section>\n");
        }

        body.Append("</div>\n");
    }

    private sealed record Row(
        string File,
        string Href,
        string? Format,
        string? Agency,
        int? Year,
        string? Template,
        int? Cells,
        int Errors,
        int Warnings,
        string? Error,
        ReportMetrics? Metrics,
        List<string> Rules);
}
