using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Tests.Fixtures;

/// <summary>
/// Prints a <see cref="SyntheticReport"/> as a site crawler keeps a page: a header block, then the whole article on
/// one line, paragraphs separated by spaces and table cells glued together (a space between two value cells only
/// where <c>spaceBefore</c> says so). Returns the glued value runs too, for <see cref="GlueOracle"/>.
/// </summary>
internal static class FlatRenderer
{
    /// <summary>The values of one table row (section 四: the whole table) as printed, with the keys they stand for.</summary>
    internal sealed record Run(string Table, string[] Keys, CellKind[] Kinds, string Text);

    public static (string Text, List<Run> Runs) Render(SyntheticReport r, Func<string, bool> spaceBefore)
    {
        var runs = new List<Run>();
        string T(string key) => r.Texts.GetValueOrDefault(key, string.Empty).Trim();
        string Values(string table, params string[] keys)
        {
            var sb = new StringBuilder();
            foreach (var key in keys)
            {
                var text = T(key);
                if (sb.Length > 0 && text.Length > 0 && spaceBefore(key))
                {
                    sb.Append(' ');
                }

                sb.Append(text);
            }

            runs.Add(new Run(table, keys, keys.Select(static k => CellCatalog.Find(k)!.Kind).ToArray(), sb.ToString()));
            return sb.ToString();
        }

        var title = $"{r.Agency}{r.Year}年政府信息公开工作年度报告";
        var parts = new List<string>
        {
            "首页 > 政务公开 > 年度报告", title, $"发布日期：{r.Year + 1}-01-20 来源：办公室 字号：大 中 小", title,
            $"本报告依据《中华人民共和国政府信息公开条例》编制，所列数据统计期限自{r.Year}年1月1日至{r.Year}年12月31日。",
        };
        void Section(string number, string body)
        {
            if (r.Titles.TryGetValue(number, out var t))
            {
                parts.Add(t);
            }

            parts.Add(body);
        }

        Section("一", $"{r.Year}年，{r.Agency}认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作推进政务公开。 （一）主动公开。全年通过门户网站发布各类信息。 （二）依申请公开。规范受理、审核、答复流程。");
        var active = new StringBuilder();
        active.Append("第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章")
            .Append(Values("active", "active.regulations.issued", "active.regulations.repealed", "active.regulations.in_force"))
            .Append(r.RowLabels["normative_documents"])
            .Append(Values("active", "active.normative_documents.issued", "active.normative_documents.repealed", "active.normative_documents.in_force"))
            .Append("第二十条第（五）项信息内容本年处理决定数量行政许可").Append(Values("active", "active.licensing.decisions"))
            .Append("第二十条第（六）项信息内容本年处理决定数量行政处罚").Append(Values("active", "active.punishment.decisions"))
            .Append("行政强制").Append(Values("active", "active.coercion.decisions"))
            .Append("第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费").Append(Values("active", "active.fees.amount"));
        Section("二", active.ToString());

        var requests = new StringBuilder("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计")
            .Append(string.Concat(ReportRenderer.OrgColumns));
        string? outer = null, group = null;
        foreach (var (id, o, g, label) in ReportRenderer.RequestRows(r))
        {
            if (o is not null && o != outer)
            {
                requests.Append(o);
            }

            if (g is not null && g != group)
            {
                requests.Append(g);
            }

            (outer, group) = (o, g);
            requests.Append(label).Append(Values("requests", [.. SyntheticReport.RequestColumns.Select(c => $"requests.{id}.{c}")]));
        }

        Section("三", requests.ToString());
        Section("四", "行政复议行政诉讼" + string.Concat(ReportRenderer.Results) + "未经复议直接起诉复议后起诉" + string.Concat(ReportRenderer.Results)
            + string.Concat(ReportRenderer.Results)
            + Values("appeals", [.. SyntheticReport.AppealBlocks.SelectMany(b => SyntheticReport.AppealResults.Append("total").Select(res => $"appeals.{b}.{res}"))]));
        Section("五", "存在的问题：公开内容的针对性和解读质量仍需提升。改进措施：加强培训，完善审核机制。");
        Section("六", "本年度未收取政府信息公开信息处理费。");
        parts.Add($"主办单位：{r.Agency} 网站地图");

        var text = new StringBuilder()
            .Append("标题: ").Append(title).Append('\n')
            .Append("发布时间: \n文号: \n发布机构: \n栏目: 政府信息公开年报\n原文链接: \n本地目录: \n页面链接与图片详见 links.tsv(同目录)\n")
            .Append("==================== 正文 ====================\n")
            .Append(string.Join(' ', parts.Where(static p => p.Length > 0))).Append('\n');
        return (text.ToString(), runs);
    }

    /// <summary>
    /// Marks the cells no reader can know (the oracle leaves them open) as such in the report's expected file: no
    /// value, CELL005 instead of CELL001.
    /// </summary>
    public static void ExpectOpenRows(SyntheticReport r, IEnumerable<string[]> open)
    {
        foreach (var keys in open)
        {
            r.Unknowable.UnionWith(keys);
            r.ExpectedFindings.RemoveAll(f => (string?)f["rule"] == "CELL001" && f["cells"]!.AsArray().Any(k => keys.Contains((string)k!)));
            r.ExpectedFindings.Add(new JsonObject { ["rule"] = "CELL005", ["cells"] = new JsonArray([.. keys.Select(static k => (JsonNode?)JsonValue.Create(k))]) });
        }
    }

    /// <summary>A pattern of spaces between value cells, as some copies keep: before the cells whose key hashes to 0 mod <paramref name="every"/>.</summary>
    public static Func<string, bool> SomeSpaces(int every) => key => (uint)key.Aggregate(17, static (h, c) => unchecked((h * 31) + c)) % every == 0;
}
