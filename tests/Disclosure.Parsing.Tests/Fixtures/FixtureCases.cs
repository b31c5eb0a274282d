using System.Text;

namespace Disclosure.Parsing.Tests.Fixtures;

/// <summary>
/// The generated fixtures under <c>testdata/</c>: each case a report, its defects and how it is printed.
/// <see cref="FixtureGenerator"/> says how to regenerate them; the golden test reads the files.
/// </summary>
internal static class FixtureCases
{
    /// <summary>A fixture. For a PDF case, <see cref="Make"/> gives its Word source, which LibreOffice prints to the PDF.</summary>
    public sealed record Case(string Path, Func<(byte[] Content, SyntheticReport Report)> Make)
    {
        public bool IsPrintedFromWord => Path.EndsWith(".pdf", StringComparison.Ordinal);
    }

    private static readonly Encoding Gbk = GetGbk();

    public static IEnumerable<Case> All()
    {
        yield return Html("html/plain", 101, static _ => { }, new RenderOptions());
        yield return Html("html/site_chrome_gb2312", 102, static r => r.Agency = "宁远县交通运输局",
            new RenderOptions { Chrome = true, WordStyleCells = true, DeclaredCharset = "gb2312" }, Gbk);
        yield return Html("html/gbk_undeclared", 103, static _ => { }, new RenderOptions { DeclaredCharset = null }, Gbk);
        yield return Html("html/split_repeated_header", 104, static _ => { },
            new RenderOptions { SplitRequests = true, RepeatHeader = true, ActiveAsSeparateTables = false });
        yield return Html("html/split_no_header", 105, static _ => { }, new RenderOptions { SplitRequests = true, WordStyleCells = true });
        yield return Html("html/number_forms", 106, static r =>
        {
            r.Texts["active.licensing.decisions"] = "1,331";
            r.Texts["active.punishment.decisions"] = "１２８";
            r.Texts["active.regulations.in_force"] = " 12 ";
            r.Texts["requests.granted.natural_person"] = FullWidth(r.Texts["requests.granted.natural_person"]);
        }, new RenderOptions());
        yield return Html("html/blank_and_null_cells", 107, static r =>
        {
            r.MakeNonNumeric("requests.denied_safety_stability.research", "无");
            r.MakeNonNumeric("requests.new.commercial", string.Empty);
            r.MakeNonNumeric("appeals.review.pending", "—");
            r.MakeNonNumeric("active.fees.amount", "/");
            r.MakeNonNumeric("requests.granted.legal_service", "0件");
        }, new RenderOptions { WordStyleCells = true });
        yield return Html("html/renamed_titles_and_typos", 108, static r =>
        {
            r.Titles["二"] = "二、行政机关主动公开政府信息情况";
            r.Titles["四"] = "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况";
            r.Titles["五"] = "五、政府信息公开工作存在的主要问题及改进情况";
            r.Titles["六"] = "六、其他需要报告事项";
            r.RowLabels["partially_granted"] = "（二）部分公开（区分处理的，只计这一情况，不计其他情形）";
            r.RowLabels["denied_internal_affairs"] = "5.属于三类内容事务信息";
            r.RowLabels["normative_documents"] = "规范性文件";
        }, new RenderOptions());
        yield return Html("html/broken_totals", 109, static r =>
        {
            Bump(r, "requests.total.natural_person", 1);
            Bump(r, "requests.denied_process_info.total", 2);
            Bump(r, "appeals.litigation_direct.total", 1);
            r.Texts["requests.carried_forward.research"] = "-2";
            r.ExpectedFindings.Add(new() { ["rule"] = "CELL002", ["cells"] = new System.Text.Json.Nodes.JsonArray("requests.carried_forward.research") });
            r.Texts["active.punishment.decisions"] = "12.5";
            r.ExpectedFindings.Add(new() { ["rule"] = "CELL003", ["cells"] = new System.Text.Json.Nodes.JsonArray("active.punishment.decisions") });
        }, new RenderOptions());
        yield return Html("html/missing_section", 110, static r => r.DropSection("五"), new RenderOptions { Chrome = true });
        yield return Html("html/mixed_templates", 111, static r =>
        {
            r.Year = 2021;
            r.UseActive2019(111);
        }, new RenderOptions());
        yield return Text("text/cell_per_line", 201, static _ => { }, ReportRenderer.CellPerLineText);
        yield return Text("text/cell_per_line_gbk", 202, static r => r.MakeNonNumeric("requests.unable_unclear.commercial", "—"),
            ReportRenderer.CellPerLineText, Gbk);
        yield return Text("text/inline_tabs", 203, static r =>
        {
            r.MakeNonNumeric("requests.new.research", string.Empty);
            Bump(r, "requests.total.total", 3);
        }, static r => ReportRenderer.InlineText(r, "\t"));
        foreach (var word in Word().Concat(Pdf()))
        {
            yield return word;
        }

        foreach (var flat in Flat())
        {
            yield return flat;
        }

        yield return Text("text/inline_spaces", 204, static r =>
        {
            r.MakeNonNumeric("requests.not_processed_duplicate.other_org", "无");
            r.Titles["四"] = "四、政府信息公开行政复议、行政诉讼情况";
        }, static r => ReportRenderer.InlineText(r, "    "));
    }

    /// <summary>
    /// Text a crawler flattened (<see cref="FlatRenderer"/>): cells glued, some copies keeping a space between some
    /// cells. The rows no reader can know are decided by <see cref="GlueOracle"/>, not by the library.
    /// </summary>
    public static IEnumerable<Case> Flat()
    {
        yield return Flattened("text/flat_glued", 501, static _ => { }, static _ => false);
        yield return Flattened("text/flat_some_spaces", 502, static _ => { }, FlatRenderer.SomeSpaces(3));
        yield return Flattened("text/flat_broken_totals", 503, static r =>
        {
            // 四 keeps its spaces, so its broken block total is read and reported; 三's broken row total leaves the row open.
            Bump(r, "requests.carried_forward.natural_person", 1);
            Bump(r, "requests.carried_forward.total", 1);
            Bump(r, "requests.denied_process_info.total", 2);
            Bump(r, "appeals.litigation_direct.total", 1);
        }, static key => key.StartsWith("appeals.", StringComparison.Ordinal));
        yield return Flattened("text/flat_blank_cell", 504, static r => r.MakeNonNumeric("requests.granted.research", string.Empty), static _ => false);
    }

    public static IEnumerable<Case> Word()
    {
        yield return Docx("docx/national_template_numbered", 301, static _ => { }, new DocxOptions { Numbering = true, ContentControl = true });
        yield return Docx("docx/split_by_paragraph_revisions", 302, static _ => { }, new DocxOptions { SplitRequests = true, Revisions = true });
        yield return Docx("docx/layout_table_text_box", 303, static _ => { }, new DocxOptions { LayoutTable = true, TextBox = true, GridBefore = true });
        yield return Docx("docx/defects_renamed_titles", 304, static r =>
        {
            r.Titles["四"] = "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况";
            r.RowLabels["partially_granted"] = "（二）部分公开（区分处理的，只计这一情况，不计其他情形）";
            r.RowLabels["normative_documents"] = "规范性文件";
            r.MakeNonNumeric("requests.granted.commercial", "无");
            r.MakeNonNumeric("appeals.review.other", string.Empty);
            Bump(r, "requests.carried_forward.total", 1);
            Bump(r, "appeals.litigation_after_review.total", 2);
            r.DropSection("六");
        }, new DocxOptions());
        yield return Docx("docx/mixed_templates", 306, static r =>
        {
            r.Year = 2021;
            r.UseActive2019(306);
        }, new DocxOptions { Numbering = true });
        yield return Docx("docx/every_feature", 305, static r => r.MakeNonNumeric("requests.unable_unclear.natural_person", "—"),
            new DocxOptions { Numbering = true, ContentControl = true, SplitRequests = true, LayoutTable = true, TextBox = true, Revisions = true, GridBefore = true });
    }

    /// <summary>PDFs printed by LibreOffice from Word sources (see make-pdf-fixtures.sh).</summary>
    public static IEnumerable<Case> Pdf()
    {
        yield return Printed("pdf/ruled_two_pages", 401, static _ => { }, new DocxOptions { Numbering = true, RowHeight = 700 });
        yield return Printed("pdf/ruled_three_pages_repeated_header", 402, static r => r.MakeNonNumeric("requests.unable_unclear.research", "—"),
            new DocxOptions { RowHeight = 1500, RepeatHeader = true });
        yield return Printed("pdf/narrow_columns_wrapped_numbers", 403, static r => r.ScaleAll(10001), new DocxOptions { NarrowValues = true });
        yield return Printed("pdf/vertical_label_defects", 404, static r =>
        {
            r.MakeNonNumeric("requests.granted.nonprofit", "无");
            Bump(r, "requests.total.natural_person", 1);
            Bump(r, "appeals.review.total", 1);
        }, new DocxOptions { VerticalLabel = true });
        yield return Printed("pdf/landscape", 405, static _ => { }, new DocxOptions { Landscape = true, VerticalLabel = true });
        yield return Printed("pdf/borderless_landscape", 406, static _ => { }, new DocxOptions { Borderless = true, Landscape = true, AppealsOnNewPage = true });
        yield return Printed("pdf/borderless_over_page_break", 407, static r => Bump(r, "requests.total.commercial", 1),
            new DocxOptions { Borderless = true, Landscape = true, RowHeight = 500, AppealsOnNewPage = true });
        yield return Printed("pdf/borderless_narrow_headers", 408, static r => r.MakeNonNumeric("requests.granted.research", "无"),
            new DocxOptions { Borderless = true, RowHeight = 600 });
    }

    private static Case Printed(string path, int seed, Action<SyntheticReport> change, DocxOptions options) =>
        new(path + ".pdf", () =>
        {
            var r = SyntheticReport.Consistent(seed);
            change(r);
            return (DocxRenderer.Render(r, options), r);
        });

    private static Case Docx(string path, int seed, Action<SyntheticReport> change, DocxOptions options) =>
        new(path + ".docx", () =>
        {
            var r = SyntheticReport.Consistent(seed);
            change(r);
            return (DocxRenderer.Render(r, options), r);
        });

    private static Case Html(string path, int seed, Action<SyntheticReport> change, RenderOptions options, Encoding? encoding = null) =>
        new(path + ".html", () =>
        {
            var r = SyntheticReport.Consistent(seed);
            change(r);
            return ((encoding ?? new UTF8Encoding(false)).GetBytes(ReportRenderer.Html(r, options)), r);
        });

    private static Case Text(string path, int seed, Action<SyntheticReport> change, Func<SyntheticReport, string> render, Encoding? encoding = null) =>
        new(path + ".txt", () =>
        {
            var r = SyntheticReport.Consistent(seed);
            change(r);
            return ((encoding ?? new UTF8Encoding(false)).GetBytes(render(r)), r);
        });

    private static Case Flattened(string path, int seed, Action<SyntheticReport> change, Func<string, bool> spaceBefore) =>
        new(path + ".txt", () =>
        {
            var r = SyntheticReport.Consistent(seed);
            change(r);
            var (text, runs) = FlatRenderer.Render(r, spaceBefore);
            FlatRenderer.ExpectOpenRows(r, GlueOracle.OpenRows(runs));
            return (new UTF8Encoding(false).GetBytes(text), r);
        });

    private static void Bump(SyntheticReport r, string key, decimal by) => r.Set(key, r.Value(key)!.Value + by);

    private static string FullWidth(string digits) => new(digits.Select(static c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c).ToArray());

    private static Encoding GetGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
