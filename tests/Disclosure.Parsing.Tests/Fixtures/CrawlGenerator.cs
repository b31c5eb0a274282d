using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Disclosure.Parsing.Tests.Fixtures;

/// <summary>What a crawled page is.</summary>
internal enum PageKind
{
    Report,
    News,
    Notice,
    WorkSummary,
    DisclosureSummary,
    Guide,
    KeyPoints,
    ReportList,
    Interpretation,
    Recruitment,
    Budget,
    CreditStatistics,
    Policy,
    Leaders,
    RuleOfLawReport,
}

/// <summary>One page of a crawl: its file name, bytes, kind, and for a report the findings its defects must bring.</summary>
/// <param name="Name">The file name (its extension says HTML or text).</param>
/// <param name="Content">The bytes as the site served them.</param>
/// <param name="Kind">What the page is.</param>
/// <param name="Variant">How it was printed and what was left out (for messages and for checking every variant is made).</param>
/// <param name="Expected">For a report: the SEC findings its defects must bring, as (rule, section).</param>
internal sealed record CrawlPage(string Name, byte[] Content, PageKind Kind, string Variant, IReadOnlyList<(string Rule, string Section)> Expected)
{
    public bool IsReport => Kind == PageKind.Report;
}

/// <summary>
/// A crawl of government sites, deterministic from a seed: ordinary pages of many kinds inside realistic site chrome
/// (menus of 政府信息公开指南 / 政府信息公开年度报告 / 依申请公开 / 行政复议 on every page, breadcrumbs, scripts, footers,
/// links to other articles after the text), and about one page in twenty an annual report printed by
/// <see cref="ReportRenderer"/> in its HTML and text variants, with and without defects, some missing a section,
/// a table, every table or the title. Nothing here is keyed to the library: the pages are what sites publish.
/// </summary>
internal sealed class CrawlGenerator(int seed, bool htmlOnly = false, double reportShare = 0.05)
{
    private static readonly Encoding Gbk = GetGbk();

    private static readonly string[] Places =
    [
        "江北", "临河", "青山", "西山", "东湖", "南湖", "北塘", "沭阳", "宁远", "遂城", "桐城", "平川", "安溪", "云溪", "长乐",
        "永和", "德安", "清河", "福山", "石门", "柳江", "金沙", "白河", "新田",
    ];

    private static readonly string[] Bodies =
    [
        "县人民政府", "区人民政府", "县教育局", "县财政局", "区市场监督管理局", "县交通运输局", "县卫生健康委员会",
        "县人力资源和社会保障局", "县发展和改革局", "镇人民政府", "区住房和城乡建设局", "县自然资源局", "县民政局",
    ];

    private static readonly string[] Menu =
    [
        "首页", "政务公开", "政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年度报告", "依申请公开",
        "行政复议", "政民互动", "办事服务", "走进本地",
    ];

    private static readonly string[] Directory =
    [
        "机构职能", "领导信息", "政策文件", "规划计划", "财政预决算", "政府信息公开年度报告", "政府信息公开指南", "依申请公开",
        "行政复议", "人事信息", "统计信息", "建议提案办理", "重大行政决策",
    ];

    private static readonly string[] Sentences =
    [
        "会议强调，要坚持以人民为中心的发展思想，扎实推进各项重点工作落地见效",
        "各乡镇、各部门要进一步提高政治站位，压紧压实工作责任，确保各项任务按时保质完成",
        "今年以来，我县聚焦群众急难愁盼问题，持续优化营商环境，推动经济社会高质量发展",
        "下一步，将继续加强统筹协调，建立健全长效机制，不断提升群众满意度和获得感",
        "活动现场，工作人员通过发放宣传资料、现场答疑等方式，向群众普及相关政策法规",
        "检查组一行实地查看了项目建设进展情况，听取了相关负责同志的情况汇报",
        "全年共组织开展专项检查12次，发现问题37个，已全部整改到位",
        "据统计，截至目前已累计办理各类事项3560件，按时办结率达到100%",
        "要严格落实安全生产责任制，深入开展隐患排查治理，坚决遏制重特大事故发生",
        "会上，与会人员围绕乡村振兴、基层治理等议题进行了深入交流讨论",
        "依法做好政府信息公开工作，及时回应社会关切，保障人民群众的知情权、参与权和监督权",
        "公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼",
        "进一步规范行政许可、行政处罚、行政强制等执法行为，推进严格规范公正文明执法",
        "做好规范性文件合法性审核和备案审查工作，对不符合要求的及时予以纠正",
    ];

    private static readonly (string Id, string Number)[] TableSections = [("active", "二"), ("requests", "三"), ("appeals", "四")];

    private readonly Random _rng = new(seed);

    /// <summary>The pages, one at a time (a crawl of 50,000 is not held in memory).</summary>
    public IEnumerable<CrawlPage> Pages(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Page(i);
        }
    }

    private CrawlPage Page(int index)
    {
        var site = new Site(_rng.Next(Places.Length * Bodies.Length), _rng);
        if (_rng.NextDouble() < reportShare)
        {
            return Report(index, site);
        }

        var kinds = Enum.GetValues<PageKind>().Where(static k => k != PageKind.Report).ToArray();
        int[] weights = [25, 14, 10, 4, 5, 5, 5, 3, 7, 7, 4, 6, 5, 3];
        var pick = _rng.Next(weights.Sum());
        var kind = kinds[^1];
        for (var k = 0; k < kinds.Length; k++)
        {
            if ((pick -= weights[k]) < 0)
            {
                kind = kinds[k];
                break;
            }
        }

        var (title, body) = kind switch
        {
            PageKind.News => News(site),
            PageKind.Notice => Notice(site),
            PageKind.WorkSummary => WorkSummary(site),
            PageKind.DisclosureSummary => DisclosureSummary(site),
            PageKind.Guide => Guide(site),
            PageKind.KeyPoints => KeyPoints(site),
            PageKind.ReportList => ReportList(site),
            PageKind.Interpretation => Interpretation(site),
            PageKind.Recruitment => Recruitment(site),
            PageKind.Budget => Budget(site),
            PageKind.CreditStatistics => CreditStatistics(site),
            PageKind.Policy => Policy(site),
            PageKind.Leaders => Leaders(site),
            _ => RuleOfLawReport(site),
        };

        // Now and then a page reaches the crawl as text copied from it.
        if (!htmlOnly && _rng.Next(20) == 0)
        {
            var text = title + "\n" + HtmlToText(body);
            return new CrawlPage(Name(index, kind, "txt"), Encode(text, site), kind, "text", []);
        }

        return new CrawlPage(Name(index, kind, "html"), Encode(site.Page(title, body, Column(kind), RelatedLinks(site)), site), kind, "html " + site.Style, []);
    }

    private static string Name(int index, PageKind kind, string extension) => $"{index:D6}-{kind.ToString().ToLowerInvariant()}.{extension}";

    private static string Column(PageKind kind) => kind switch
    {
        PageKind.Guide => "政府信息公开指南",
        PageKind.ReportList or PageKind.Interpretation => "政府信息公开年度报告",
        PageKind.Budget => "财政预决算",
        PageKind.Recruitment or PageKind.Leaders => "人事信息",
        PageKind.Policy or PageKind.KeyPoints => "政策文件",
        _ => "工作动态",
    };

    private byte[] Encode(string text, Site site) => (site.Gbk ? Gbk : new UTF8Encoding(false)).GetBytes(text);

    // ---- annual reports ----

    private CrawlPage Report(int index, Site site)
    {
        var r = SyntheticReport.Consistent(_rng.Next());
        r.Agency = site.Agency;
        r.Year = _rng.Next(2021, 2025);
        var variant = new List<string>();
        var expected = new List<(string, string)>();

        if (_rng.Next(5) == 0)
        {
            r.Titles["二"] = "二、行政机关主动公开政府信息情况";
            r.Titles["四"] = "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况";
            r.Titles["五"] = "五、政府信息公开工作存在的主要问题及改进情况";
            r.Titles["六"] = "六、其他需要报告事项";
            variant.Add("renamed titles");
        }

        if (_rng.Next(8) == 0)
        {
            r.RowLabels["partially_granted"] = "（二）部分公开（区分处理的，只计这一情况，不计其他情形）";
            r.RowLabels["denied_internal_affairs"] = "5.属于三类内容事务信息";
            variant.Add("typos");
        }

        if (_rng.Next(5) == 0)
        {
            r.MakeNonNumeric($"requests.{SyntheticReport.OutcomeRows[_rng.Next(SyntheticReport.OutcomeRows.Length)]}.natural_person", _rng.Next(2) == 0 ? "无" : "—");
            variant.Add("non-numeric cell");
        }

        if (_rng.Next(5) == 0)
        {
            r.Set("requests.total.total", r.Value("requests.total.total")!.Value + 1);
            variant.Add("broken total");
        }

        var dropped = new HashSet<string>();
        if (_rng.Next(7) == 0)
        {
            var number = "一二三四五六"[_rng.Next(6)].ToString();
            r.DropSection(number);
            dropped.Add(number);
            expected.Add(("SEC001", number));
            variant.Add("missing section " + number);
        }

        // A table left out, or all three (printed as pictures, say); only where the headings around it are printed.
        var tables = new List<string>();
        var roll = _rng.Next(20);
        if (roll < 3)
        {
            tables.AddRange(TableSections.Select(static t => t.Number).Where(n => !dropped.Contains(n) && !dropped.Contains(Next(n))));
            variant.Add(tables.Count == 3 ? "no tables" : "missing tables " + string.Concat(tables));
        }
        else if (roll < 6)
        {
            var number = TableSections[_rng.Next(3)].Number;
            if (!dropped.Contains(number) && !dropped.Contains(Next(number)))
            {
                tables.Add(number);
                variant.Add("missing table " + number);
            }
        }

        expected.AddRange(tables.Select(static n => ("SEC002", n)));

        // A copy without its title, where the tables say what it is.
        var untitled = tables.Count == 0 && _rng.Next(15) == 0;
        if (untitled)
        {
            variant.Add("no title");
        }

        string name;
        byte[] content;
        var format = htmlOnly ? 0 : _rng.Next(8);
        if (format < 6)
        {
            var charset = _rng.Next(4);
            var options = new RenderOptions
            {
                // Without any table of its own, the renderer's layout table would hold the whole report in one of
                // its cells, which the HTML reader reads as a data table's (a known limit of the reader, not of
                // recognition): such a page keeps its tables' places out of a layout table.
                Chrome = _rng.Next(3) > 0 && tables.Count < 3,
                WordStyleCells = _rng.Next(2) == 0,
                SplitRequests = _rng.Next(3) == 0,
                RepeatHeader = _rng.Next(2) == 0,
                ActiveAsSeparateTables = _rng.Next(3) > 0,
                DeclaredCharset = charset switch { 0 => "gb2312", 1 => null, _ => "utf-8" },
            };
            var html = ReportRenderer.Html(r, options);
            foreach (var number in tables)
            {
                html = WithoutHtmlTables(html, r, number);
            }

            if (untitled)
            {
                html = html.Replace($"{r.Agency}{r.Year}年政府信息公开工作年度报告", "年度报告", StringComparison.Ordinal);
            }

            name = Name(index, PageKind.Report, "html");
            content = (charset == 0 || (charset == 1 && site.Gbk) ? Gbk : new UTF8Encoding(false)).GetBytes(html);
            variant.Add($"html chrome={options.Chrome} word={options.WordStyleCells} split={options.SplitRequests} charset={options.DeclaredCharset ?? "none"}");
        }
        else
        {
            var style = _rng.Next(3);
            var text = style switch
            {
                0 => ReportRenderer.CellPerLineText(r),
                1 => ReportRenderer.InlineText(r, "\t"),
                _ => ReportRenderer.InlineText(r, "    "),
            };
            foreach (var number in tables)
            {
                text = WithoutTextTables(text, r, number);
            }

            if (untitled)
            {
                text = string.Join('\n', text.Split('\n').Where(l => !l.Contains("政府信息公开工作年度报告", StringComparison.Ordinal) && l.Trim() != r.Agency));
            }

            name = Name(index, PageKind.Report, "txt");
            content = (site.Gbk ? Gbk : new UTF8Encoding(false)).GetBytes(text);
            variant.Add(style switch { 0 => "text cell per line", 1 => "text tabs", _ => "text spaces" });
        }

        return new CrawlPage(name, content, PageKind.Report, string.Join(", ", variant), expected);
    }

    private static string Next(string number) => number switch { "二" => "三", "三" => "四", _ => "五" };

    // The renderer prints a section's tables right after its heading, up to the next heading.
    private static string WithoutHtmlTables(string html, SyntheticReport r, string number)
    {
        var start = html.IndexOf($"<strong>{r.Titles[number]}</strong></p>\n", StringComparison.Ordinal);
        var end = html.IndexOf($"<strong>{r.Titles[Next(number)]}</strong>", start, StringComparison.Ordinal);
        var section = html[start..end];
        var stripped = Regex.Replace(section, "<table border=\"1\">.*?</table>\n|<p>　</p>\n", string.Empty, RegexOptions.Singleline);
        return html[..start] + stripped + html[end..];
    }

    private static string WithoutTextTables(string text, SyntheticReport r, string number)
    {
        var lines = text.Split('\n').ToList();
        var start = lines.IndexOf(r.Titles[number]);
        var end = lines.IndexOf(r.Titles[Next(number)]);
        lines.RemoveRange(start + 1, end - start - 1);
        return string.Join('\n', lines);
    }

    // ---- ordinary pages: (title, the article's HTML) ----

    private (string, string) News(Site site)
    {
        string[] topics = ["召开安全生产工作推进会", "开展“法律进社区”宣传活动", "召开政府常务会议", "举办政务公开业务培训", "开展防汛应急演练", "推进优化营商环境工作", "召开乡村振兴工作调度会"];
        var title = $"{site.Agency}{Pick(topics)}";
        var sb = new StringBuilder();
        for (var n = _rng.Next(3, 8); n > 0; n--)
        {
            sb.Append("<p>").Append(Paragraph()).Append("</p>\n");
        }

        if (_rng.Next(3) == 0)
        {
            sb.Append("<p style=\"text-align:center\"><img src=\"/u/cms/2024/photo.jpg\" alt=\"活动现场\"></p>\n");
        }

        return (title, sb.ToString());
    }

    private (string, string) Notice(Site site)
    {
        var title = $"关于{Pick(["开展2024年度安全生产大检查", "做好2024年春节期间有关工作", "公开征求意见", "组织开展2024年度统计执法检查", "举办2024年政务公开培训班"])}的通知";
        var sb = new StringBuilder("<p>各乡镇人民政府，县直各单位：</p>\n");
        string[] heads = ["一、时间安排", "二、工作内容", "三、工作要求", "四、报名方式", "五、其他事项", "六、联系方式"];
        foreach (var head in heads.Take(_rng.Next(3, heads.Length + 1)))
        {
            sb.Append("<p>").Append(head).Append("</p>\n<p>").Append(Paragraph()).Append("</p>\n");
        }

        if (_rng.Next(2) == 0)
        {
            sb.Append(Table(["序号", "时间", "地点", "内容", "负责单位"], _rng.Next(3, 8), static (rng, row, col) => col == 0 ? (row + 1).ToString() : $"内容{rng.Next(100)}"));
        }

        sb.Append($"<p style=\"text-align:right\">{site.Agency}办公室</p>\n<p style=\"text-align:right\">2024年{_rng.Next(1, 13)}月{_rng.Next(1, 29)}日</p>\n");
        return (title, sb.ToString());
    }

    // A work summary: 一、总体情况 over a statistics table, as the ordinary pages that fooled the old test did.
    private (string, string) WorkSummary(Site site)
    {
        var year = _rng.Next(2020, 2025);
        var title = $"{site.Agency}{year}年工作总结和{year + 1}年工作计划";
        var sb = new StringBuilder("<p>一、总体情况</p>\n<p>").Append(Paragraph()).Append("</p>\n");
        string[] rows = ["地区生产总值", "一般公共预算收入", "固定资产投资", "社会消费品零售总额", "城镇居民人均可支配收入", "办理行政许可事项", "受理群众来信来访", "其他", "合计"];
        sb.Append(Table(["指标", "单位", $"{year}年", $"{year - 1}年", "增长（%）"], rows.Length, (rng, row, col) => col switch
        {
            0 => rows[row],
            1 => row < 5 ? "亿元" : "件",
            4 => (rng.Next(-50, 150) / 10.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            _ => rng.Next(10, 9000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        string[] heads = ["二、主要做法", "三、存在的问题", "四、下一步工作计划"];
        foreach (var head in heads)
        {
            sb.Append("<p>").Append(head).Append("</p>\n<p>").Append(Paragraph()).Append("</p>\n");
        }

        return (title, sb.ToString());
    }

    // A work summary of disclosure work: every section's words, and a statistics table of requests, but not the report.
    private (string, string) DisclosureSummary(Site site)
    {
        var year = _rng.Next(2020, 2025);
        var title = $"{site.Agency}{year}年政务公开工作总结";
        var sb = new StringBuilder();
        string[] heads = ["一、总体情况", "二、主动公开情况", "三、依申请公开情况", "四、行政复议和行政诉讼情况", "五、存在的问题及改进措施", "六、其他事项"];
        foreach (var head in heads)
        {
            sb.Append("<p><strong>").Append(head).Append("</strong></p>\n<p>").Append(Paragraph()).Append("</p>\n");
            if (head.StartsWith('三'))
            {
                string[] rows = ["本年新收申请", "上年结转", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "总计"];
                sb.Append(Table(["办理情况", "件数", "占比（%）"], rows.Length, (rng, row, col) => col == 0 ? rows[row] : rng.Next(0, 60).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return (title, sb.ToString());
    }

    private (string, string) Guide(Site site)
    {
        var title = $"{site.Agency}政府信息公开指南";
        var sb = new StringBuilder($"<p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。</p>\n");
        sb.Append("<p>一、主动公开</p>\n<p>（一）公开的范围。").Append(Paragraph()).Append("</p>\n<p>（二）公开的方式。政府网站、政务新媒体、政府公报。</p>\n");
        sb.Append("<p>二、依申请公开</p>\n<p>（一）受理机构</p>\n");
        sb.Append(Table(["受理机构", "办公地址", "邮政编码", "联系电话", "办公时间"], 1, (rng, _, col) => col switch
        {
            0 => site.Agency + "办公室",
            1 => $"{site.Place}县人民路{rng.Next(1, 300)}号",
            2 => "43" + rng.Next(1000, 9999),
            3 => "0731-" + rng.Next(1000000, 9999999),
            _ => "工作日上午8:30-12:00，下午2:30-5:30",
        }));
        sb.Append("<p>（二）申请的提出。申请人可以通过当面、邮寄、网络等方式提出申请。</p>\n<p>（三）申请的处理。行政机关收到申请后，能够当场答复的，当场予以答复。</p>\n");
        sb.Append("<p>三、收费标准</p>\n<p>行政机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费。</p>\n");
        sb.Append("<p>四、监督和救济</p>\n<p>").Append(Sentences[11]).Append("。</p>\n");
        return (title, sb.ToString());
    }

    // Key points of the year's disclosure work, its headings in the report's words.
    private (string, string) KeyPoints(Site site)
    {
        var year = _rng.Next(2021, 2026);
        var title = $"{site.Agency}{year}年政务公开工作要点";
        var sb = new StringBuilder();
        string[] heads =
        [
            "一、总体要求", "二、深化主动公开，提升政府信息公开质量", "三、规范依申请公开办理，依法保障申请人权益",
            "四、做好政府信息公开行政复议、行政诉讼应诉工作", "五、强化问题整改，持续改进工作", "六、其他事项",
        ];
        foreach (var head in heads)
        {
            sb.Append("<p><strong>").Append(head).Append("</strong></p>\n");
            for (var n = _rng.Next(1, 3); n > 0; n--)
            {
                sb.Append("<p>").Append(Paragraph()).Append("</p>\n");
            }
        }

        return (title, sb.ToString());
    }

    // The column of annual reports: many report titles, each a link.
    private (string, string) ReportList(Site site)
    {
        var sb = new StringBuilder("<ul class=\"list\">\n");
        for (var n = _rng.Next(12, 25); n > 0; n--)
        {
            var other = new Site(_rng.Next(Places.Length * Bodies.Length), _rng);
            var year = _rng.Next(2019, 2025);
            sb.Append($"<li><a href=\"/art/{year}/{_rng.Next(100000)}.html\" target=\"_blank\">{other.Agency}{year}年政府信息公开工作年度报告</a><span class=\"date\">{year + 1}-01-{_rng.Next(10, 31)}</span></li>\n");
        }

        sb.Append("</ul>\n<div class=\"page\">共5页　首页　上一页　<b>1</b>　2　3　4　5　下一页　尾页</div>\n");
        return ("政府信息公开年度报告", sb.ToString());
    }

    // An interpretation of a report: its title quoted, its headings, its figures in prose; not the report.
    private (string, string) Interpretation(Site site)
    {
        var year = _rng.Next(2021, 2025);
        var title = $"《{site.Agency}{year}年政府信息公开工作年度报告》解读";
        var sb = new StringBuilder($"<p>近日，{site.Agency}发布了{year}年政府信息公开工作年度报告，现将主要内容解读如下。</p>\n");
        string[] heads = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"];
        foreach (var head in heads)
        {
            sb.Append("<p>").Append(head).Append("</p>\n<p>").Append(Paragraph()).Append($"全年新收政府信息公开申请{_rng.Next(10, 400)}件。</p>\n");
        }

        return (title, sb.ToString());
    }

    private (string, string) Recruitment(Site site)
    {
        var title = $"{site.Place}县2024年事业单位公开招聘工作人员岗位表";
        var sb = new StringBuilder($"<p>根据工作需要，经研究决定，{site.Agency}所属事业单位面向社会公开招聘工作人员，岗位如下：</p>\n");
        string[] units = ["县人民医院", "县第一中学", "县疾病预防控制中心", "县政务服务中心", "县融媒体中心", "县档案馆"];
        var rows = _rng.Next(5, 15);
        sb.Append(Table(["序号", "招聘单位", "岗位名称", "岗位类别", "招聘人数", "学历要求", "专业要求", "其他条件"], rows + 1, (rng, row, col) => row == rows
            ? col switch { 0 => "合计", 4 => rng.Next(10, 60).ToString(System.Globalization.CultureInfo.InvariantCulture), _ => string.Empty }
            : col switch
            {
                0 => (row + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                1 => units[rng.Next(units.Length)],
                2 => "专业技术岗" + rng.Next(1, 9),
                3 => rng.Next(2) == 0 ? "专业技术" : "管理",
                4 => rng.Next(1, 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
                5 => rng.Next(2) == 0 ? "本科及以上" : "大专及以上",
                6 => rng.Next(2) == 0 ? "临床医学" : "不限",
                _ => rng.Next(2) == 0 ? "35周岁以下" : "无",
            }));
        return (title, sb.ToString());
    }

    private (string, string) Budget(Site site)
    {
        var year = _rng.Next(2021, 2026);
        var title = $"{site.Agency}{year}年部门预算公开";
        var sb = new StringBuilder($"<p>一、部门基本情况</p>\n<p>{Paragraph()}</p>\n<p>二、收支预算总表</p>\n");
        string[] income = ["一、一般公共预算拨款收入", "二、政府性基金预算拨款收入", "三、事业收入", "四、行政事业性收费收入", "五、其他收入", "本年收入合计", "上年结转", "收入总计"];
        string[] spending = ["一、一般公共服务支出", "二、教育支出", "三、社会保障和就业支出", "四、卫生健康支出", "五、其他支出", "本年支出合计", "结转下年", "支出总计"];
        sb.Append(Table(["收入项目", "金额（万元）", "支出项目", "金额（万元）"], income.Length, (rng, row, col) => col switch
        {
            0 => income[row],
            2 => spending[row],
            _ => (rng.Next(0, 900000) / 100.0).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        }));
        sb.Append("<p>三、一般公共预算“三公”经费支出情况</p>\n");
        sb.Append(Table(["项目", "合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"], 2, (rng, row, col) => col == 0
            ? (row == 0 ? $"{year}年预算数" : $"{year - 1}年预算数")
            : (rng.Next(0, 5000) / 100.0).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
        return (title, sb.ToString());
    }

    // A credit-information statistics table: 行政许可 and 行政处罚 counted, the report's row words but not its table.
    private (string, string) CreditStatistics(Site site)
    {
        var year = _rng.Next(2021, 2025);
        var title = $"{site.Agency}{year}年行政许可和行政处罚等信用信息公示情况";
        var sb = new StringBuilder($"<p>根据“双公示”工作要求，现将{year}年度行政许可和行政处罚等信用信息公示情况公布如下：</p>\n");
        string[] rows = ["行政许可", "行政处罚", "行政强制", "行政确认", "合计"];
        sb.Append(Table(["类别", "本年处理决定数量", "公示数量", "公示率"], rows.Length, (rng, row, col) => col switch
        {
            0 => rows[row],
            3 => "100%",
            _ => rng.Next(0, 900).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        return (title, sb.ToString());
    }

    private (string, string) Policy(Site site)
    {
        var title = $"{site.Agency}办公室关于印发《{Pick(["政务公开工作规范", "行政规范性文件管理办法", "重大行政决策程序规定", "政府信息公开申请办理规范"])}》的通知";
        var sb = new StringBuilder("<p>各乡镇人民政府，县直各单位：</p>\n<p>现将有关文件印发给你们，请认真贯彻执行。</p>\n");
        string[] numbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
        sb.Append("<p style=\"text-align:center\">第一章　总则</p>\n");
        for (var n = 0; n < _rng.Next(5, 10); n++)
        {
            sb.Append($"<p>第{numbers[n]}条　").Append(Paragraph()).Append("</p>\n");
        }

        return (title, sb.ToString());
    }

    // Another annual report of the same bodies: its own sections, 行政复议 and 行政诉讼 counted in a table of its own.
    private (string, string) RuleOfLawReport(Site site)
    {
        var year = _rng.Next(2021, 2025);
        var title = $"{site.Agency}{year}年法治政府建设年度报告";
        var sb = new StringBuilder();
        string[] heads = ["一、总体情况", "二、主要举措和成效", "三、存在的主要问题", "四、行政复议和行政应诉情况", "五、下一步工作安排", "六、其他需要报告的事项"];
        foreach (var head in heads)
        {
            sb.Append("<p>").Append(head).Append("</p>\n<p>").Append(Paragraph()).Append("</p>\n");
            if (head.StartsWith('四'))
            {
                string[] rows = ["行政复议", "行政诉讼", "合计"];
                sb.Append(Table(["类别", "收案数", "结案数", "维持", "撤销或确认违法", "其他"], rows.Length, (rng, row, col) => col == 0
                    ? rows[row]
                    : rng.Next(0, 40).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return (title, sb.ToString());
    }

    private (string, string) Leaders(Site site)
    {
        var sb = new StringBuilder();
        string[] roles = ["局长", "副局长", "副局长", "党组成员", "总工程师"];
        foreach (var role in roles.Take(_rng.Next(2, roles.Length + 1)))
        {
            sb.Append($"<p><strong>{Pick(["张", "王", "李", "赵", "刘", "陈"])}{Pick(["明", "华", "强", "伟", "静", "军"])}</strong>　{role}</p>\n<p>负责{Pick(["全面工作", "办公室、财务工作", "执法监督工作", "政务公开、信访工作"])}。</p>\n");
        }

        return ($"{site.Agency}领导信息", sb.ToString());
    }

    // Links after the article: the previous and next articles of the column, now and then a report.
    private string RelatedLinks(Site site)
    {
        string Title() => _rng.Next(6) == 0
            ? $"{site.Agency}{_rng.Next(2019, 2025)}年政府信息公开工作年度报告"
            : $"{site.Agency}{Pick(["召开专题会议", "开展业务培训", "部署重点工作", "发布通知公告"])}";
        return $"<div class=\"prevnext\"><p>上一篇：<a href=\"/a/1.html\">{Title()}</a></p><p>下一篇：<a href=\"/a/2.html\">{Title()}</a></p></div>\n";
    }

    private string Paragraph()
    {
        var sb = new StringBuilder();
        for (var n = _rng.Next(1, 4); n > 0; n--)
        {
            sb.Append(Sentences[_rng.Next(Sentences.Length)]).Append('。');
        }

        return sb.ToString();
    }

    private string Table(string[] header, int rows, Func<Random, int, int, string> cell)
    {
        var sb = new StringBuilder("<table border=\"1\" cellspacing=\"0\">\n<tr>");
        foreach (var h in header)
        {
            sb.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        }

        sb.Append("</tr>\n");
        for (var r = 0; r < rows; r++)
        {
            sb.Append("<tr>");
            for (var c = 0; c < header.Length; c++)
            {
                sb.Append("<td>").Append(WebUtility.HtmlEncode(cell(_rng, r, c))).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        return sb.Append("</table>\n").ToString();
    }

    private string Pick(string[] options) => options[_rng.Next(options.Length)];

    // Text as a browser copies it: block elements on lines of their own, a table's cells one per line after a tab.
    private static string HtmlToText(string html)
    {
        var s = Regex.Replace(html, "<td[^>]*>|<th[^>]*>", "\t");
        s = Regex.Replace(s, "</tr>", "\n");
        s = Regex.Replace(s, "</(?:p|li|div|table)>", "\n");
        s = Regex.Replace(s, "<[^>]+>", string.Empty);
        return WebUtility.HtmlDecode(s);
    }

    private static Encoding GetGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>A site: its agency and how its pages are dressed (three chrome styles, UTF-8 or GBK).</summary>
    private sealed class Site
    {
        public Site(int id, Random rng)
        {
            Place = Places[id % Places.Length];
            Agency = Place + Bodies[id / Places.Length % Bodies.Length];
            Style = id % 3;
            Gbk = id % 4 == 1;
            Declares = id % 5 != 2;
            _ad = rng.Next(1000, 9999);
        }

        private readonly int _ad;

        public string Place { get; }

        public string Agency { get; }

        public int Style { get; }

        public bool Gbk { get; }

        public bool Declares { get; }

        public string Page(string title, string article, string column, string related)
        {
            var sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head>\n");
            if (Declares)
            {
                sb.Append($"<meta charset=\"{(Gbk ? "gb2312" : "utf-8")}\">\n");
            }

            sb.Append($"<title>{WebUtility.HtmlEncode(title)}_{Agency}门户网站</title>\n");
            sb.Append("<meta name=\"keywords\" content=\"政府信息公开,政务公开,年度报告\">\n");
            sb.Append("<style>body{margin:0;font:14px/1.8 \"Microsoft YaHei\",sans-serif}.nav li{float:left;padding:0 18px}.crumb{color:#666}.footer{background:#f2f2f2}")
                .Append(string.Concat(Enumerable.Range(0, 160).Select(static i => $".c{i} .item{i % 9}>a:hover{{margin:{i}px;padding:{i % 7}px;color:#{i * 37 % 4096:x3}}}\n"))).Append("</style>\n");
            sb.Append("<script type=\"text/javascript\">\n")
                .Append(string.Concat(Enumerable.Range(0, 60).Select(static i => $"function f{i}(el){{if(!el||el.length<{i}){{return null;}}var n=el.getAttribute('data-{i}');for(var k=0;k<n;k++){{el.children[k].style.display=k%{i % 5 + 2}?'none':'block';}}return n;}}\n")))
                .Append("</script>\n");
            sb.Append($"<script>var _hmt=_hmt||[];(function(){{var hm=document.createElement(\"script\");hm.src=\"https://hm.baidu.com/hm.js?{_ad}\";}})();\n")
                .Append("var menus=[").Append(string.Join(',', Menu.Select(static m => $"\"{m}\""))).Append("];if(a<b){document.write('<div>'+menus[0]+'</div>');}</script>\n");
            sb.Append("</head><body>\n");
            switch (Style)
            {
                case 0:
                    sb.Append("<header><div class=\"logo\">").Append(Agency).Append("</div><nav><ul class=\"nav\">")
                        .Append(string.Concat(Menu.Select(static m => $"<li><a href=\"/{m.Length}\">{m}</a></li>"))).Append("</ul></nav></header>\n");
                    sb.Append($"<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a> &gt; {column}</div>\n");
                    sb.Append("<div class=\"main\"><div class=\"left\"><h3>信息公开目录</h3><ul>")
                        .Append(string.Concat(Directory.Select(static d => $"<li><a href=\"/ml/{d.Length}\">{d}</a></li>"))).Append("</ul></div>\n<div class=\"right\">\n");
                    sb.Append($"<h1>{WebUtility.HtmlEncode(title)}</h1>\n<div class=\"info\">发布日期：2024-0{_ad % 9 + 1}-1{_ad % 9}　来源：{Agency}　字号：[ 大 中 小 ]</div>\n<div class=\"article\">\n")
                        .Append(article).Append("</div>\n").Append(related).Append("</div></div>\n");
                    sb.Append($"<footer><div class=\"footer\">主办单位：{Agency}　网站标识码：43{_ad}0001　ICP备案号：湘ICP备{_ad}号</div></footer>\n");
                    break;
                case 1:
                    // Table layout, as older CMSs print it: the menu a one-row table, the page a table of tables.
                    sb.Append("<table width=\"1000\" align=\"center\"><tr><td>\n<table class=\"menu\"><tr>")
                        .Append(string.Concat(Menu.Select(static m => $"<td><a href=\"/{m.Length}\">{m}</a></td>"))).Append("</tr></table>\n");
                    sb.Append("<table width=\"100%\"><tr><td width=\"220\" valign=\"top\"><table>")
                        .Append(string.Concat(Directory.Select(static d => $"<tr><td><a href=\"/ml/{d.Length}\">· {d}</a></td></tr>"))).Append("</table></td>\n<td valign=\"top\">");
                    sb.Append($"<div class=\"crumb\">您现在的位置：首页 &gt;&gt; {column}</div>\n<div class=\"title\">{WebUtility.HtmlEncode(title)}</div>\n<div class=\"info\">发布时间：2024年{_ad % 12 + 1}月{_ad % 28 + 1}日　浏览次数：{_ad}</div>\n")
                        .Append(article).Append(related).Append("</td></tr></table>\n");
                    sb.Append($"<table><tr><td>版权所有：{Agency}　地址：{Place}县人民路1号</td><td>网站标识码：43{_ad}0001</td></tr></table>\n</td></tr></table>\n");
                    break;
                default:
                    sb.Append($"<div id=\"top\"><div class=\"date\">2024年{_ad % 12 + 1}月{_ad % 28 + 1}日　星期{"一二三四五六日"[_ad % 7]}</div><div class=\"bar\">").Append(Agency).Append("　无障碍　长者模式　智能问答</div><div class=\"menu\">")
                        .Append(string.Concat(Menu.Select(static m => $"<a href=\"/{m.Length}\">{m}</a>"))).Append("</div></div>\n");
                    sb.Append($"<div class=\"path\">首页 &gt; 政务公开 &gt; {column} &gt; 正文</div>\n<div class=\"content\">\n<div class=\"tit\">{WebUtility.HtmlEncode(title)}</div>\n")
                        .Append("<table class=\"meta\"><tr><td>索引号：</td><td>").Append(_ad).Append("/2024-0001</td><td>发布机构：</td><td>").Append(Agency).Append("</td></tr></table>\n")
                        .Append("<div id=\"zoom\">").Append(article).Append("</div>\n").Append(related).Append("</div>\n");
                    sb.Append($"<div id=\"bottom\">{Agency}主办　<a href=\"/sitemap\">网站地图</a>　<a href=\"/lxwm\">联系我们</a></div>\n");
                    break;
            }

            sb.Append("<div class=\"links\"><select onchange=\"window.open(this.value)\"><option>政府网站</option>")
                .Append(string.Concat(Places.Select(static p => $"<option value=\"http://www.{p.Length}.gov.cn\">{p}县人民政府</option>"))).Append("</select></div>\n");
            return sb.Append("</body></html>\n").ToString();
        }
    }
}
