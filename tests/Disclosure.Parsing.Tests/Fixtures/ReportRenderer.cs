using System.Net;
using System.Text;

namespace Disclosure.Parsing.Tests.Fixtures;

/// <summary>How a synthetic report is printed.</summary>
internal sealed record RenderOptions
{
    /// <summary>Site chrome around the article: menus, breadcrumbs, scripts, a footer, and a layout table.</summary>
    public bool Chrome { get; init; }

    /// <summary>Section 二 as one table per 第二十条 block (else one table holding all blocks).</summary>
    public bool ActiveAsSeparateTables { get; init; } = true;

    /// <summary>Section 三 split into two tables after row （三）4.</summary>
    public bool SplitRequests { get; init; }

    /// <summary>With <see cref="SplitRequests"/>: the second table repeats the header rows.</summary>
    public bool RepeatHeader { get; init; }

    /// <summary>Cell text wrapped in &lt;p&gt; and &lt;span&gt; with &amp;nbsp; padding, as Word-made pages do.</summary>
    public bool WordStyleCells { get; init; }

    /// <summary>The charset to declare in a meta tag; null declares none.</summary>
    public string? DeclaredCharset { get; init; } = "utf-8";
}

/// <summary>Prints a <see cref="SyntheticReport"/> as an HTML page or as text copied from one.</summary>
internal static class ReportRenderer
{
    /// <summary>The section 三 rows: id, the 三、 group, the （n） group, the label of the row itself.</summary>
    internal static (string Id, string? Outer, string? Group, string Label)[] RequestRows(SyntheticReport r) =>
    [
        ("new", null, null, "一、本年新收政府信息公开申请数量"),
        ("carried_over", null, null, "二、上年结转政府信息公开申请数量"),
        ("granted", "三、本年度办理结果", null, "（一）予以公开"),
        ("partially_granted", "三、本年度办理结果", null, r.RowLabels["partially_granted"]),
        ("denied_state_secret", "三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"),
        ("denied_prohibited_by_law", "三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开"),
        ("denied_safety_stability", "三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”"),
        ("denied_third_party", "三、本年度办理结果", "（三）不予公开", "4.保护第三方合法权益"),
        ("denied_internal_affairs", "三、本年度办理结果", "（三）不予公开", r.RowLabels["denied_internal_affairs"]),
        ("denied_process_info", "三、本年度办理结果", "（三）不予公开", "6.属于四类过程性信息"),
        ("denied_enforcement_file", "三、本年度办理结果", "（三）不予公开", "7.属于行政执法案卷"),
        ("denied_inquiry", "三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项"),
        ("unable_not_held", "三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息"),
        ("unable_needs_creation", "三、本年度办理结果", "（四）无法提供", "2.没有现成信息需要另行制作"),
        ("unable_unclear", "三、本年度办理结果", "（四）无法提供", "3.补正后申请内容仍不明确"),
        ("not_processed_complaint", "三、本年度办理结果", "（五）不予处理", "1.信访举报投诉类申请"),
        ("not_processed_duplicate", "三、本年度办理结果", "（五）不予处理", "2.重复申请"),
        ("not_processed_publication", "三、本年度办理结果", "（五）不予处理", "3.要求提供公开出版物"),
        ("not_processed_excessive", "三、本年度办理结果", "（五）不予处理", "4.无正当理由大量反复申请"),
        ("not_processed_reconfirm", "三、本年度办理结果", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
        ("other_no_correction", "三、本年度办理结果", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("other_unpaid_fee", "三、本年度办理结果", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other_other", "三、本年度办理结果", "（六）其他处理", "3.其他"),
        ("total", "三、本年度办理结果", null, "（七）总计"),
        ("carried_forward", null, null, "四、结转下年度继续办理"),
    ];

    internal static readonly string[] OrgColumns = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"];
    internal static readonly string[] Results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    public static string Html(SyntheticReport r, RenderOptions o)
    {
        var sb = new StringBuilder();
        var title = $"{r.Agency}{r.Year}年政府信息公开工作年度报告";
        sb.Append("<!DOCTYPE html>\n<html><head>");
        if (o.DeclaredCharset is not null)
        {
            sb.Append($"<meta http-equiv=\"Content-Type\" content=\"text/html; charset={o.DeclaredCharset}\">");
        }

        sb.Append($"<title>{title}-{r.Agency}门户网站</title>\n");
        if (o.Chrome)
        {
            sb.Append("<script>var nav = ['一、首页', '二、政务公开']; document.write('<table><tr><td>x</td></tr></table>');</script>\n");
            sb.Append("<style>td { border: 1px solid #000 }</style>\n");
        }

        sb.Append("</head><body>\n");
        if (o.Chrome)
        {
            sb.Append("<div class=\"nav\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk\">政务公开</a></li><li>一、机构概况</li></ul></div>\n");
            sb.Append("<div class=\"crumb\">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>\n");
            sb.Append("<table class=\"layout\" width=\"100%\"><tr><td width=\"20%\"><ul><li>政策文件</li><li>年度报告</li></ul></td><td>\n");
        }

        sb.Append($"<h1>{title}</h1>\n<div class=\"info\">发布日期：{r.Year + 1}-01-20　来源：办公室</div>\n<div id=\"zoom\">\n");
        sb.Append($"<p>本报告依据《中华人民共和国政府信息公开条例》编制，所列数据统计期限自{r.Year}年1月1日至{r.Year}年12月31日。</p>\n");
        Section(sb, r, "一", $"<p>{r.Year}年，{r.Agency}认真贯彻落实《中华人民共和国政府信息公开条例》。</p>\n<p>（一）主动公开。全年主动公开政府信息。</p>\n");
        Section(sb, r, "二", ActiveHtml(r, o));
        Section(sb, r, "三", RequestsHtml(r, o));
        Section(sb, r, "四", AppealsHtml(r, o));
        Section(sb, r, "五", "<p>存在的问题：解读质量仍需提升。改进措施：加强培训。</p>\n");
        Section(sb, r, "六", "<p>本年度未收取信息处理费。</p>\n");
        sb.Append("</div>\n");
        if (o.Chrome)
        {
            sb.Append("</td></tr></table>\n<div class=\"footer\">主办单位：").Append(r.Agency).Append("　网站标识码：1234567890　<a href=\"/sitemap\">网站地图</a></div>\n");
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, SyntheticReport r, string number, string body)
    {
        if (r.Titles.TryGetValue(number, out var title))
        {
            sb.Append($"<p style=\"text-indent:2em\"><strong>{title}</strong></p>\n");
        }

        sb.Append(body);
    }

    private static string Td(string text, RenderOptions o, int colspan = 1, int rowspan = 1)
    {
        var attrs = (colspan > 1 ? $" colspan=\"{colspan}\"" : string.Empty) + (rowspan > 1 ? $" rowspan=\"{rowspan}\"" : string.Empty);
        var body = WebUtility.HtmlEncode(text).Replace("\n", "<br>");
        if (o.WordStyleCells)
        {
            body = $"<p style=\"text-align:center\"><span style=\"font-family:宋体\">&nbsp;{body}&nbsp;</span></p>";
        }

        return $"<td{attrs}>{body}</td>";
    }

    private static string ActiveHtml(SyntheticReport r, RenderOptions o)
    {
        string T(string key) => r.Texts.GetValueOrDefault(key, string.Empty);
        if (r.Active2019)
        {
            return Active2019Html(r, o);
        }

        var blocks = new List<string>
        {
            $"<tr>{Td("第二十条第（一）项", o, 4)}</tr>\n<tr>{Td("信息内容", o)}{Td("本年制发件数", o)}{Td("本年废止件数", o)}{Td("现行有效件数", o)}</tr>\n" +
            $"<tr>{Td("规章", o)}{Td(T("active.regulations.issued"), o)}{Td(T("active.regulations.repealed"), o)}{Td(T("active.regulations.in_force"), o)}</tr>\n" +
            $"<tr>{Td(r.RowLabels["normative_documents"], o)}{Td(T("active.normative_documents.issued"), o)}{Td(T("active.normative_documents.repealed"), o)}{Td(T("active.normative_documents.in_force"), o)}</tr>\n",
            $"<tr>{Td("第二十条第（五）项", o, 4)}</tr>\n<tr>{Td("信息内容", o)}{Td("本年处理决定数量", o, 3)}</tr>\n<tr>{Td("行政许可", o)}{Td(T("active.licensing.decisions"), o, 3)}</tr>\n",
            $"<tr>{Td("第二十条第（六）项", o, 4)}</tr>\n<tr>{Td("信息内容", o)}{Td("本年处理决定数量", o, 3)}</tr>\n<tr>{Td("行政处罚", o)}{Td(T("active.punishment.decisions"), o, 3)}</tr>\n<tr>{Td("行政强制", o)}{Td(T("active.coercion.decisions"), o, 3)}</tr>\n",
            $"<tr>{Td("第二十条第（八）项", o, 4)}</tr>\n<tr>{Td("信息内容", o)}{Td("本年收费金额（单位：万元）", o, 3)}</tr>\n<tr>{Td("行政事业性收费", o)}{Td(T("active.fees.amount"), o, 3)}</tr>\n",
        };
        return o.ActiveAsSeparateTables
            ? string.Concat(blocks.Select(static b => $"<table border=\"1\">\n{b}</table>\n"))
            : $"<table border=\"1\">\n{string.Concat(blocks)}</table>\n";
    }

    /// <summary>The 2019 section 二 blocks: heading, column headers, then a row label and its values per row.</summary>
    internal static IEnumerable<(string Heading, string[] Columns, (string Label, string[] Keys)[] Rows)> Active2019Blocks()
    {
        string[] counts = ["previous_count", "change", "decisions"];
        (string, string[]) Row(string label, string row, params string[] columns) => (label, columns.Select(c => $"active2019.{row}.{c}").ToArray());
        yield return ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
            [Row("规章", "regulations", "new_made", "new_published", "total_published"),
             Row("规范性文件", "normative_documents", "new_made", "new_published", "total_published")]);
        yield return ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
            [Row("行政许可", "licensing", counts), Row("其他对外管理服务事项", "other_services", counts)]);
        yield return ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
            [Row("行政处罚", "punishment", counts), Row("行政强制", "coercion", counts)]);
        yield return ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [Row("行政事业性收费", "fees", "previous_count", "change")]);
        yield return ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [Row("政府集中采购", "procurement", "count", "amount")]);
    }

    private static string Active2019Html(SyntheticReport r, RenderOptions o)
    {
        var sb = new StringBuilder("<table border=\"1\">\n");
        foreach (var (heading, columns, rows) in Active2019Blocks())
        {
            // Four grid columns: a block of two value columns lets its last one span two.
            string Cells(string[] texts) => string.Concat(texts.Select((t, i) => Td(t, o, i == texts.Length - 1 ? 4 - texts.Length : 1)));
            sb.Append($"<tr>{Td(heading, o, 4)}</tr>\n<tr>{Td("信息内容", o)}{Cells(columns)}</tr>\n");
            foreach (var (label, keys) in rows)
            {
                sb.Append($"<tr>{Td(label, o)}{Cells(keys.Select(k => r.Texts.GetValueOrDefault(k, string.Empty)).ToArray())}</tr>\n");
            }
        }

        return sb.Append("</table>\n").ToString();
    }

    private static string RequestsHeaderHtml(RenderOptions o) =>
        $"<tr>{Td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", o, 3, 3)}{Td("申请人情况", o, 7)}</tr>\n" +
        $"<tr>{Td("自然人", o, 1, 2)}{Td("法人或其他组织", o, 5)}{Td("总计", o, 1, 2)}</tr>\n" +
        $"<tr>{string.Concat(OrgColumns.Select(c => Td(c, o)))}</tr>\n";

    private static string RequestsHtml(SyntheticReport r, RenderOptions o)
    {
        var rows = RequestRows(r);
        var splitAfter = o.SplitRequests ? Array.FindIndex(rows, static x => x.Id == "denied_third_party") : -1;
        var sb = new StringBuilder("<table border=\"1\">\n").Append(RequestsHeaderHtml(o));
        for (var i = 0; i < rows.Length; i++)
        {
            var (id, outer, group, label) = rows[i];
            var segmentStart = i > splitAfter && splitAfter >= 0 ? splitAfter + 1 : 0;
            var segmentEnd = splitAfter >= 0 && i <= splitAfter ? splitAfter : rows.Length - 1;
            var cells = new StringBuilder();
            if (outer is null)
            {
                cells.Append(Td(label, o, 3));
            }
            else
            {
                if (i == segmentStart || rows[i - 1].Outer != outer)
                {
                    cells.Append(Td(outer, o, 1, CountRun(rows, i, segmentEnd, static x => x.Outer, outer)));
                }

                if (group is null)
                {
                    cells.Append(Td(label, o, 2));
                }
                else
                {
                    if (i == segmentStart || rows[i - 1].Group != group)
                    {
                        cells.Append(Td(group, o, 1, CountRun(rows, i, segmentEnd, static x => x.Group, group)));
                    }

                    cells.Append(Td(label, o));
                }
            }

            foreach (var c in SyntheticReport.RequestColumns)
            {
                cells.Append(Td(r.Texts.GetValueOrDefault($"requests.{id}.{c}", string.Empty), o));
            }

            sb.Append("<tr>").Append(cells).Append("</tr>\n");
            if (i == splitAfter)
            {
                sb.Append("</table>\n<p>　</p>\n<table border=\"1\">\n");
                if (o.RepeatHeader)
                {
                    sb.Append(RequestsHeaderHtml(o));
                }
            }
        }

        return sb.Append("</table>\n").ToString();
    }

    private static int CountRun<T>(T[] rows, int start, int end, Func<T, string?> key, string value)
    {
        var n = 0;
        for (var i = start; i <= end && key(rows[i]) == value; i++)
        {
            n++;
        }

        return n;
    }

    private static string AppealsHtml(SyntheticReport r, RenderOptions o)
    {
        var sb = new StringBuilder("<table border=\"1\">\n");
        sb.Append($"<tr>{Td("行政复议", o, 5)}{Td("行政诉讼", o, 10)}</tr>\n");
        sb.Append("<tr>").Append(string.Concat(Results.Select(x => Td(x, o, 1, 2)))).Append(Td("未经复议直接起诉", o, 5)).Append(Td("复议后起诉", o, 5)).Append("</tr>\n");
        sb.Append("<tr>").Append(string.Concat(Results.Concat(Results).Select(x => Td(x, o)))).Append("</tr>\n<tr>");
        foreach (var b in SyntheticReport.AppealBlocks)
        {
            foreach (var res in SyntheticReport.AppealResults.Append("total"))
            {
                sb.Append(Td(r.Texts.GetValueOrDefault($"appeals.{b}.{res}", string.Empty), o));
            }
        }

        return sb.Append("</tr>\n</table>\n").ToString();
    }

    /// <summary>
    /// Text as a browser copies an HTML table: one cell per line after a tab, a blank line between rows, an empty
    /// cell where a merged cell continues, and long labels wrapped onto the next line.
    /// </summary>
    public static string CellPerLineText(SyntheticReport r)
    {
        var sb = new StringBuilder();
        void Row(params string[] cells)
        {
            foreach (var c in cells)
            {
                sb.Append('\t').Append(c).Append('\n');
            }

            sb.Append('\n');
        }

        string T(string key) => r.Texts.GetValueOrDefault(key, string.Empty);
        sb.Append('\t').Append(r.Agency).Append('\n').Append(r.Year).Append("年度政府信息公开工作年度报告\n \n");
        TextSection(sb, r, "一", $"{r.Year}年，{r.Agency}认真贯彻落实《中华人民共和国政府信息公开条例》。\n（一）主动公开情况。加大公开力度。\n");
        TextSection(sb, r, "二", string.Empty);
        foreach (var row in ActiveRows(r))
        {
            Row(row);
        }
        sb.Append(" \n");
        TextSection(sb, r, "三", string.Empty);
        Row("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况");
        Row(string.Empty, "自然人", "法人或其他组织", "总计");
        Row(string.Empty, string.Empty, "商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他", string.Empty);
        var rows = RequestRows(r);
        for (var i = 0; i < rows.Length; i++)
        {
            var (id, outer, group, label) = rows[i];
            var labels = new List<string>();
            if (outer is not null)
            {
                labels.Add(i > 0 && rows[i - 1].Outer == outer ? string.Empty : outer);
                if (group is not null)
                {
                    labels.Add(rows[i - 1].Group == group ? string.Empty : group);
                }
            }

            labels.Add(label);
            Row([.. labels, .. SyntheticReport.RequestColumns.Select(c => T($"requests.{id}.{c}"))]);
        }

        sb.Append(" \n");
        TextSection(sb, r, "四", string.Empty);
        Row("行政复议", "行政诉讼");
        Row([.. Results.Select(static x => x.Insert(2, "\n")), "未经复议直接起诉", "复议后起诉"]);
        Row([.. Enumerable.Repeat(string.Empty, 5), .. Results.Concat(Results).Select(static x => x.Insert(2, "\n"))]);
        Row([.. SyntheticReport.AppealBlocks.SelectMany(b => SyntheticReport.AppealResults.Append("total").Select(res => T($"appeals.{b}.{res}")))]);
        TextSection(sb, r, "五", "存在的问题：解读质量仍需提升。\n");
        TextSection(sb, r, "六", "本年度未收取信息处理费。\n");
        return sb.ToString();
    }

    /// <summary>Text with one row per line, cells separated by <paramref name="separator"/> (a tab, or a run of spaces).</summary>
    public static string InlineText(SyntheticReport r, string separator)
    {
        var sb = new StringBuilder();
        void Row(params string[] cells) => sb.Append(string.Join(separator, cells.Select(static c => c.Length == 0 ? "　" : c))).Append('\n');
        string T(string key) => r.Texts.GetValueOrDefault(key, string.Empty);
        sb.Append(r.Agency).Append(r.Year).Append("年政府信息公开工作年度报告\n\n");
        TextSection(sb, r, "一", $"{r.Year}年，{r.Agency}认真贯彻落实《中华人民共和国政府信息公开条例》。\n");
        TextSection(sb, r, "二", string.Empty);
        foreach (var row in ActiveRows(r))
        {
            Row(row);
        }
        TextSection(sb, r, "三", string.Empty);
        Row("申请人情况");
        Row("自然人", "法人或其他组织", "总计");
        Row(OrgColumns);
        foreach (var (id, outer, group, label) in RequestRows(r))
        {
            Row([.. new[] { outer, group, label }.Where(static x => x is not null).Cast<string>(), .. SyntheticReport.RequestColumns.Select(c => T($"requests.{id}.{c}"))]);
        }

        TextSection(sb, r, "四", string.Empty);
        Row("行政复议", "行政诉讼");
        Row([.. Results, "未经复议直接起诉", "复议后起诉"]);
        Row([.. Results, .. Results]);
        Row([.. SyntheticReport.AppealBlocks.SelectMany(b => SyntheticReport.AppealResults.Append("total").Select(res => T($"appeals.{b}.{res}")))]);
        TextSection(sb, r, "五", "存在的问题：解读质量仍需提升。\n");
        TextSection(sb, r, "六", "本年度未收取信息处理费。\n");
        return sb.ToString();
    }

    /// <summary>Section 二 as rows of cell texts: block headings, column headers and values.</summary>
    private static IEnumerable<string[]> ActiveRows(SyntheticReport r)
    {
        string T(string key) => r.Texts.GetValueOrDefault(key, string.Empty);
        yield return ["第二十条第（一）项"];
        yield return ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"];
        yield return ["规章", T("active.regulations.issued"), T("active.regulations.repealed"), T("active.regulations.in_force")];
        yield return [r.RowLabels["normative_documents"], T("active.normative_documents.issued"), T("active.normative_documents.repealed"), T("active.normative_documents.in_force")];
        yield return ["第二十条第（五）项"];
        yield return ["信息内容", "本年处理决定数量"];
        yield return ["行政许可", T("active.licensing.decisions")];
        yield return ["第二十条第（六）项"];
        yield return ["信息内容", "本年处理决定数量"];
        yield return ["行政处罚", T("active.punishment.decisions")];
        yield return ["行政强制", T("active.coercion.decisions")];
        yield return ["第二十条第（八）项"];
        yield return ["信息内容", "本年收费金额（单位：万元）"];
        yield return ["行政事业性收费", T("active.fees.amount")];
    }

    private static void TextSection(StringBuilder sb, SyntheticReport r, string number, string body)
    {
        if (r.Titles.TryGetValue(number, out var title))
        {
            sb.Append(title).Append('\n');
        }

        sb.Append(body);
    }
}
