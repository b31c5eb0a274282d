using System.Diagnostics;
using System.Text;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Recognition;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Recognition;

/// <summary>
/// Text a crawler flattened: sections found inside running text, tables rebuilt from the template's row labels,
/// glued digits split where the rules decide and left open (CELL005) where they do not, never a wrong number; and
/// the other pages of a site stored the same way still not reports.
/// </summary>
[TestFixture]
public sealed class FlatTextTests
{
    private static AuditResult Audit(string text) => DisclosurePipeline.Default.Audit(Encoding.UTF8.GetBytes(text), "page.txt");

    /// <param name="spacing">1: every cell glued; n: a space before about one value cell in n.</param>
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void FlattenedReportsAreReadWhereTheRulesDecideAndNeverWithAWrongNumber(int spacing)
    {
        int determined = 0, total = 0;
        var clock = new Stopwatch();
        for (var seed = 1; seed <= 25; seed++)
        {
            var r = SyntheticReport.Consistent(seed * 7 + spacing);
            var (text, _) = FlatRenderer.Render(r, spacing == 1 ? static _ => false : FlatRenderer.SomeSpaces(spacing));
            clock.Start();
            var result = Audit(text);
            clock.Stop();

            result.Error.Should().BeNull();
            var report = result.Report!;
            var open = result.Findings.Where(static f => f.RuleId == "CELL005").SelectMany(static f => f.Cells).ToHashSet();
            foreach (var def in CellCatalog.For("2021"))
            {
                total++;
                var cell = report.Cell(def.Key);
                cell.Should().NotBeNull("{0} is printed (seed {1})", def.Key, seed);
                if (cell!.Value is { } value)
                {
                    value.Should().Be(r.Value(def.Key)!.Value, "{0} must never be a wrong number (seed {1}, printed “{2}”)", def.Key, seed, cell.Text);
                    determined++;
                }
                else
                {
                    open.Should().Contain(def.Key, "a cell without a value is named by CELL005 (seed {0})", seed);
                }
            }

            result.Findings.Where(static f => f.RuleId.StartsWith("SUM", StringComparison.Ordinal)).Should().BeEmpty("the numbers add up (seed {0})", seed);
            result.Findings.Where(static f => f.RuleId == "CELL001").Should().BeEmpty();
        }

        TestContext.Out.WriteLine($"cells read: {determined} of {total} ({100.0 * determined / total:0.0}%); {clock.Elapsed.TotalMilliseconds / 25:0.0} ms per document");
        determined.Should().BeGreaterThan(total * 8 / 10, "glued rows are mostly decided by the digit rules and the identities");
    }

    [Test]
    public void SectionsAreFoundInsideRunningText()
    {
        var headings = FlatText.InlineHeadings("首页 一、总体情况 本机关…… 二、主动公开政府信息情况 第二十条 三、收到和处理政府信息公开申请情况 （本列…）一、本年新收");

        headings.Select(static h => h.Number).Should().Equal("一", "二", "三");
    }

    [Test]
    public void AnItemNumberBelongsToTheNextLabel()
    {
        var r = SyntheticReport.Consistent(11);
        var (text, _) = FlatRenderer.Render(r, static _ => false);

        var report = Audit(text).Report!;

        // Every 1./2./3. row reads its own values, not the next row's item number.
        foreach (var row in new[] { "unable_not_held", "unable_needs_creation", "unable_unclear", "denied_state_secret", "other_other" })
        {
            var key = $"requests.{row}.total";
            if (report.Value(key) is { } v)
            {
                v.Should().Be(r.Value(key));
            }
        }
    }

    [Test]
    public void AGluedRowThatSplitsSeveralWaysHasNoValuesKeepsItsTextAndGetsCell005()
    {
        var r = SyntheticReport.Consistent(3);
        r.Set("active.normative_documents.issued", 77);
        r.Set("active.normative_documents.repealed", 132);
        r.Set("active.normative_documents.in_force", 470);
        var (text, _) = FlatRenderer.Render(r, static _ => false);

        var result = Audit(text);

        var keys = new[] { "active.normative_documents.issued", "active.normative_documents.repealed", "active.normative_documents.in_force" };
        foreach (var key in keys)
        {
            result.Report!.Cell(key)!.Value.Should().BeNull();
            result.Report.Cell(key)!.Text.Should().Be("77132470");
        }

        var finding = result.Findings.Should().ContainSingle(f => f.RuleId == "CELL005" && f.Cells.SequenceEqual(keys)).Subject;
        finding.Severity.Should().Be(Severity.Error);
        finding.Message.Should().Contain("77132470").And.Contain("种拆法").And.Contain("7 / 71 / 32470");
        result.Report!.GluedRows.Should().ContainSingle(g => g.Cells.SequenceEqual(keys)).Which.SplitCount.Should().BeGreaterThan(2);
    }

    [Test]
    public void ARowOfSpacedCellsIsReadAsPrinted()
    {
        var r = SyntheticReport.Consistent(5);
        var (text, _) = FlatRenderer.Render(r, static _ => true);

        var result = Audit(text);

        result.Findings.Should().NotContain(static f => f.RuleId == "CELL005");
        foreach (var def in CellCatalog.For("2021"))
        {
            result.Report!.Value(def.Key).Should().Be(r.Value(def.Key));
        }
    }

    [Test]
    public void ALineOfProseWithWideGapsIsAParagraphNotATableRow()
    {
        var line = "二、主动公开政府信息情况  " + string.Concat(Enumerable.Repeat("全年通过门户网站发布各类信息，及时公开规划计划、财政预决算等重点领域信息。", 8));
        var layout = new Disclosure.Parsing.Reading.Text.PlainTextReader().Read(Encoding.UTF8.GetBytes(line + "\n"));

        layout.Blocks.Should().ContainSingle().Which.Should().BeOfType<LayoutParagraph>();
    }

    private const string CrawlerHeader = "标题: {0}\n发布时间: \n文号: \n发布机构: \n栏目: {1}\n原文链接: \n本地目录: \n页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n";

    [TestCase("青山县人民政府信息公开指南", "政府信息公开指南",
        "首页 > 政务公开 > 政府信息公开指南 青山县人民政府信息公开指南 为了更好地为公民、法人和其他组织提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。 一、主动公开 （一）公开内容。本机关主动公开机构职能、规范性文件、规划计划、行政许可、行政处罚、行政强制、行政事业性收费等信息。 （二）公开方式。通过门户网站、政务新媒体、政府公报等方式公开。 （三）公开时限。自信息形成或者变更之日起20个工作日内公开。 二、依申请公开 （一）受理机构。青山县人民政府办公室，地址：青山县人民路1号，电话：0000-12345678。 （二）申请方式。申请人可通过当面、邮寄、网络等方式提出申请，填写《政府信息公开申请表》。 （三）处理程序。收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复；需要延长的，延长期限最长不得超过20个工作日。 （四）收费。行政机关依申请提供政府信息，不收取费用；申请数量、频次明显超过合理范围的，可以收取信息处理费。 三、监督和救济 公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。 四、其他事项 本指南自发布之日起施行。 主办单位：青山县人民政府 网站地图")]
    [TestCase("2024年青山县政务公开工作要点", "通知公告",
        "首页 > 政务公开 > 通知公告 2024年青山县政务公开工作要点 为深入贯彻落实《中华人民共和国政府信息公开条例》，现将2024年政务公开工作要点印发如下。 一、总体要求 坚持以人民为中心，以公开促落实、强监管、优服务。 二、主动公开政府信息 加大规章、行政规范性文件主动公开力度，现行有效件数动态更新；行政许可、行政处罚、行政强制、行政事业性收费信息在作出决定之日起7个工作日内公开。 三、规范依申请公开 严格办理政府信息公开申请，2023年共收到申请160件，予以公开98件，部分公开6件，不予公开2件，无法提供23件，不予处理8件，其他处理3件，结转下年度继续办理6件。 四、行政复议和行政诉讼 因政府信息公开被申请行政复议4件，结果维持0件、结果纠正1件；提起行政诉讼22件。 五、存在问题和改进措施 针对公开质量不高的问题，加强培训。 六、其他需要报告的事项 按时发布2023年政府信息公开工作年度报告。 主办单位：青山县人民政府 网站地图")]
    public void FlattenedOrdinaryPagesThatReuseTheSectionWordsAreNotReports(string title, string column, string line)
    {
        var result = Audit(string.Format(System.Globalization.CultureInfo.InvariantCulture, CrawlerHeader, title, column) + line + "\n");

        result.ErrorKind.Should().Be(FailureKind.NotAReport, result.Error ?? string.Join(" ", result.Findings.Select(static f => f.RuleId)));
    }

    [Test]
    public void ACrawlStoredAsFlattenedTextKeepsOrdinaryPagesOutAndReportsIn()
    {
        var crawl = new CrawlGenerator(seed: 20250102, htmlOnly: true, reportShare: 0.2).Pages(300).ToList();
        var clock = Stopwatch.StartNew();
        var reports = 0;
        foreach (var page in crawl)
        {
            var layout = DisclosurePipeline.Default.ReadLayout(page.Content, page.Name);
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, CrawlerHeader, layout.Title ?? string.Empty, "栏目")
                + Flatten(layout) + "\n";
            var result = Audit(text);
            if (!page.IsReport)
            {
                result.ErrorKind.Should().Be(FailureKind.NotAReport, "{0} ({1}) flattened is not a report, but got {2}",
                    page.Name, page.Kind, result.Error ?? string.Join(" ", result.Findings.Select(static f => f.RuleId)));
            }
            else if (result.Error is null)
            {
                reports++;
            }
        }

        TestContext.Out.WriteLine($"{crawl.Count} flattened pages in {clock.ElapsedMilliseconds} ms; {reports} of {crawl.Count(static p => p.IsReport)} reports read");
        reports.Should().BeGreaterThan(crawl.Count(static p => p.IsReport) / 2);
    }

    /// <summary>A page as a crawler keeps it: every paragraph and every table on one line, table cells glued together.</summary>
    internal static string Flatten(LayoutDocument layout) => string.Join(' ', layout.Blocks.Select(static b => b switch
    {
        LayoutParagraph p => p.Text.Replace('\n', ' '),
        LayoutTable t => string.Concat(t.Cells.OrderBy(static c => c.Row).ThenBy(static c => c.Column).Select(static c => c.Text.Replace("\n", string.Empty))),
        _ => string.Empty,
    }).Where(static s => s.Length > 0));
}
