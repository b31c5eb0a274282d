using System.IO.Compression;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Disclosure.Parsing.Tests.Fixtures;

/// <summary>How a synthetic report is written as a Word document.</summary>
internal sealed record DocxOptions
{
    /// <summary>Section headings and the （一）… and 1. row labels drawn by list numbering, not typed.</summary>
    public bool Numbering { get; init; }

    /// <summary>Section 二's tables inside a content control.</summary>
    public bool ContentControl { get; init; }

    /// <summary>Section 三 split into two tables by a paragraph, the second without the header rows.</summary>
    public bool SplitRequests { get; init; }

    /// <summary>Everything inside a one-cell layout table.</summary>
    public bool LayoutTable { get; init; }

    /// <summary>Section 四's table inside a text box (DrawingML choice with a VML fallback holding the same text).</summary>
    public bool TextBox { get; init; }

    /// <summary>Some values edited with tracked changes, some given as fields, labels with tabs, breaks and soft hyphens.</summary>
    public bool Revisions { get; init; }

    /// <summary>Section 二's rows shifted by w:gridBefore and cut short by w:gridAfter.</summary>
    public bool GridBefore { get; init; }

    /// <summary>Section 三's value columns so narrow that long numbers wrap inside their cells.</summary>
    public bool NarrowValues { get; init; }

    /// <summary>Minimum height of section 三's rows in twips (0: as the text needs), so that it runs over pages.</summary>
    public int RowHeight { get; init; }

    /// <summary>Section 三's header rows repeated at the top of each page (w:tblHeader).</summary>
    public bool RepeatHeader { get; init; }

    /// <summary>Sections 二 and 三's tables drawn without any border (section 四's keeps them).</summary>
    public bool Borderless { get; init; }

    /// <summary>A landscape page.</summary>
    public bool Landscape { get; init; }

    /// <summary>Section 四 starts a new page (so that its table is not cut by a page break).</summary>
    public bool AppealsOnNewPage { get; init; }

    /// <summary>三、本年度办理结果 written vertically (w:textDirection tbRl).</summary>
    public bool VerticalLabel { get; init; }
}

/// <summary>
/// Writes a <see cref="SyntheticReport"/> as a .docx: the Open XML SDK makes the package, the parts are written as
/// WordprocessingML, shaped like the national template (merged label columns, spanned headers).
/// </summary>
internal static class DocxRenderer
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const int HeadingList = 1;
    private const int GroupList = 2;

    public static byte[] Render(SyntheticReport r, DocxOptions o)
    {
        var body = new StringBuilder();
        var title = $"{r.Agency}{r.Year}年政府信息公开工作年度报告";
        body.Append(P(title));
        body.Append(P($"本报告依据《中华人民共和国政府信息公开条例》编制，所列数据统计期限自{r.Year}年1月1日至{r.Year}年12月31日。"));
        Heading(body, r, o, "一");
        body.Append(P($"{r.Year}年，{r.Agency}认真贯彻落实《中华人民共和国政府信息公开条例》。"));
        body.Append(P("（一）主动公开。全年主动公开政府信息。"));
        Heading(body, r, o, "二");
        var active = ActiveTable(r, o);
        body.Append(o.ContentControl ? $"<w:sdt><w:sdtPr><w:alias w:val=\"主动公开\"/><w:id w:val=\"7\"/></w:sdtPr><w:sdtContent>{active}</w:sdtContent></w:sdt>" : active);
        Heading(body, r, o, "三");
        body.Append(RequestsTables(r, o));
        if (o.AppealsOnNewPage)
        {
            body.Append("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
        }

        Heading(body, r, o, "四");
        var appeals = AppealsTable(r, o);
        body.Append(o.TextBox ? TextBox(appeals) : appeals);
        Heading(body, r, o, "五");
        body.Append(P("存在的问题：解读质量仍需提升。改进措施：加强培训。"));
        Heading(body, r, o, "六");
        body.Append(P("本年度未收取信息处理费。"));

        var content = o.LayoutTable
            ? $"<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"9000\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w=\"9000\" w:type=\"dxa\"/></w:tcPr>{body}{P(string.Empty)}</w:tc></w:tr></w:tbl>"
            : body.ToString();

        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>("rIdHeader1");
            Feed(header, $"<w:hdr xmlns:w=\"{W}\">{P("一、总体情况 — 页眉不属于正文 12 34")}</w:hdr>");
            var footer = main.AddNewPart<FooterPart>("rIdFooter1");
            Feed(footer, $"<w:ftr xmlns:w=\"{W}\">{P("- 1 -")}</w:ftr>");
            var comments = main.AddNewPart<WordprocessingCommentsPart>("rIdComments");
            Feed(comments, $"<w:comments xmlns:w=\"{W}\"><w:comment w:id=\"0\" w:author=\"审核\">{P("二、主动公开政府信息情况 此处数字待核 999")}</w:comment></w:comments>");
            if (o.Numbering)
            {
                Feed(main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering"), NumberingXml());
            }

            var sect = $"<w:sectPr><w:headerReference w:type=\"default\" r:id=\"{main.GetIdOfPart(header)}\"/><w:footerReference w:type=\"default\" r:id=\"{main.GetIdOfPart(footer)}\"/>{(o.Landscape ? "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>" : "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>")}<w:pgMar w:top=\"1440\" w:right=\"1000\" w:bottom=\"1440\" w:left=\"1000\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>";
            Feed(main, $"<w:document xmlns:w=\"{W}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " +
                       "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
                       "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
                       "xmlns:v=\"urn:schemas-microsoft-com:vml\" mc:Ignorable=\"wps\">" +
                       $"<w:body>{content}{sect}</w:body></w:document>");
        }

        return Normalize(stream.ToArray());
    }

    /// <summary>The parts of a package by name, uncompressed: what makes two packages the same document.</summary>
    public static IReadOnlyDictionary<string, string> Parts(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(static e => e.FullName, static e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        });
    }

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var s = new MemoryStream(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml));
        part.FeedData(s);
    }

    // Fixed entry times, so regenerating a fixture changes only what the case changes.
    private static byte[] Normalize(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var from = new StreamReader(entry.Open());
                var text = from.ReadToEnd();

                // The SDK names the package's relationship to the main part at random; nothing refers to it.
                if (entry.FullName == "_rels/.rels")
                {
                    text = System.Text.RegularExpressions.Regex.Replace(text, "Id=\"R[0-9a-f]+\"", "Id=\"rIdMain\"");
                }

                using var to = copy.Open();
                to.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return output.ToArray();
    }

    private static string NumberingXml() =>
        $"<w:numbering xmlns:w=\"{W}\">" +
        Abstract(0, "chineseCounting", "%1、") + Abstract(1, "chineseCounting", "（%1）") + Abstract(2, "decimal", "%1.") +
        $"<w:num w:numId=\"{HeadingList}\"><w:abstractNumId w:val=\"0\"/></w:num>" +
        $"<w:num w:numId=\"{GroupList}\"><w:abstractNumId w:val=\"1\"/></w:num>" +
        string.Concat(Enumerable.Range(0, 4).Select(static i =>
            $"<w:num w:numId=\"{10 + i}\"><w:abstractNumId w:val=\"2\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>")) +
        "</w:numbering>";

    // The number is followed by the text directly (no tab), as the template prints “（一）予以公开”.
    private static string Abstract(int id, string format, string text) =>
        $"<w:abstractNum w:abstractNumId=\"{id}\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>" +
        $"<w:numFmt w:val=\"{format}\"/><w:suff w:val=\"nothing\"/><w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/>" +
        "<w:pPr><w:ind w:left=\"0\" w:firstLine=\"0\"/></w:pPr></w:lvl></w:abstractNum>";

    private static void Heading(StringBuilder body, SyntheticReport r, DocxOptions o, string number)
    {
        if (!r.Titles.TryGetValue(number, out var title))
        {
            return;
        }

        // With numbering, Word draws “一、”; the paragraph's own text starts after it.
        body.Append(o.Numbering ? P(title[(title.IndexOf('、') + 1)..], HeadingList) : P(title));
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static string P(string text, int? numId = null) =>
        "<w:p>" + (numId is { } n ? $"<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{n}\"/></w:numPr></w:pPr>" : string.Empty) +
        (text.Length == 0 ? string.Empty : $"<w:r><w:t xml:space=\"preserve\">{Esc(text)}</w:t></w:r>") + "</w:p>";

    private static string Tc(string paragraphs, int span = 1, string? vMerge = null) =>
        "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/>" + (span > 1 ? $"<w:gridSpan w:val=\"{span}\"/>" : string.Empty) +
        (vMerge switch { "restart" => "<w:vMerge w:val=\"restart\"/>", "continue" => "<w:vMerge/>", _ => string.Empty }) +
        $"</w:tcPr>{(paragraphs.Length == 0 ? P(string.Empty) : paragraphs)}</w:tc>";

    private static string Tr(IEnumerable<string> cells, int gridBefore = 0, int gridAfter = 0, int height = 0, bool header = false)
    {
        var pr = (gridBefore > 0 ? $"<w:gridBefore w:val=\"{gridBefore}\"/>" : string.Empty)
            + (gridAfter > 0 ? $"<w:gridAfter w:val=\"{gridAfter}\"/>" : string.Empty)
            + (height > 0 ? $"<w:trHeight w:val=\"{height}\" w:hRule=\"atLeast\"/>" : string.Empty)
            + (header ? "<w:tblHeader/>" : string.Empty);
        return "<w:tr>" + (pr.Length > 0 ? $"<w:trPr>{pr}</w:trPr>" : string.Empty) + string.Concat(cells) + "</w:tr>";
    }

    /// <summary>A table with explicit column widths (twips) and fixed layout, so every renderer draws the same grid.</summary>
    private static string Tbl(int[] widths, IEnumerable<string> rows, DocxOptions o) =>
        "<w:tbl><w:tblPr><w:tblW w:w=\"" + widths.Sum() + "\" w:type=\"dxa\"/><w:tblBorders>" +
        string.Concat(new[] { "top", "left", "bottom", "right", "insideH", "insideV" }.Select(b => o.Borderless
            ? $"<w:{b} w:val=\"nil\"/>"
            : $"<w:{b} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>")) +
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"40\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>" +
        string.Concat(widths.Select(static w => $"<w:gridCol w:w=\"{w}\"/>")) + "</w:tblGrid>" +
        string.Concat(rows) + "</w:tbl>";

    private static int[] Widths(DocxOptions o, params int[] widths) =>
        o.Landscape ? widths.Select(static w => w * 3 / 2).ToArray() : widths;

    /// <summary>A value cell's paragraph; with revisions, some values are tracked edits or field results.</summary>
    private static string Value(SyntheticReport r, string key, DocxOptions o)
    {
        var text = r.Texts.GetValueOrDefault(key, string.Empty);
        if (!o.Revisions || text.Length == 0 || r.Value(key) is null)
        {
            return P(text);
        }

        var pick = key.Sum(static ch => ch) % 7; // stable across runs, unlike string.GetHashCode
        return (key.Length % 4) switch
        {
            0 => $"<w:p><w:del w:id=\"{pick}\" w:author=\"审核\" w:date=\"2024-01-05T00:00:00Z\"><w:r><w:delText>{9000 + pick}</w:delText></w:r></w:del>" +
                 $"<w:ins w:id=\"{pick + 100}\" w:author=\"审核\" w:date=\"2024-01-05T00:00:00Z\"><w:r><w:t>{Esc(text)}</w:t></w:r></w:ins></w:p>",
            1 => $"<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> = {text} + 0 </w:instrText></w:r>" +
                 $"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>{Esc(text)}</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
            2 => $"<w:p><w:fldSimple w:instr=\" = {text} \"><w:r><w:t>{Esc(text)}</w:t></w:r></w:fldSimple></w:p>",
            _ => P($"\u3000{text}\u3000"),
        };
    }

    private static string ActiveTable(SyntheticReport r, DocxOptions o)
    {
        var shift = o.GridBefore ? 1 : 0;
        string Row(params string[] cells) => Tr(cells, shift);
        string V(string key) => Value(r, key, o);
        if (r.Active2019)
        {
            var old = new List<string>();
            foreach (var (heading, columns, rows2019) in ReportRenderer.Active2019Blocks())
            {
                string[] Cells(IEnumerable<string> cells)
                {
                    var list = cells.ToList();
                    return list.Select((c, i) => Tc(c, i == list.Count - 1 ? 4 - list.Count : 1)).ToArray();
                }

                old.Add(Row(Tc(P(heading), 4)));
                old.Add(Row([Tc(P("信息内容")), .. Cells(columns.Select(static c => P(c)))]));
                old.AddRange(rows2019.Select(x => Row([Tc(P(x.Label)), .. Cells(x.Keys.Select(V))])));
            }

            return Tbl(Widths(o, [.. Enumerable.Repeat(400, shift), 2800, 2000, 2000, 2200]), old, o);
        }

        var label = o.Revisions ? "<w:p><w:r><w:t>行政</w:t></w:r><w:r><w:softHyphen/></w:r><w:r><w:t>许可</w:t></w:r></w:p>" : P("行政许可");
        var rows = new List<string>
        {
            // With w:gridBefore the block heading row is one cell and the rest of its grid is left out (w:gridAfter).
            o.GridBefore ? Tr([Tc(P("第二十条第（一）项"))], shift, 3) : Row(Tc(P("第二十条第（一）项"), 4)),
            Row(Tc(P("信息内容")), Tc(P("本年制发件数")), Tc(P("本年废止件数")), Tc(P("现行有效件数"))),
            Row(Tc(P("规章")), Tc(V("active.regulations.issued")), Tc(V("active.regulations.repealed")), Tc(V("active.regulations.in_force"))),
            Row(Tc(P(r.RowLabels["normative_documents"])), Tc(V("active.normative_documents.issued")), Tc(V("active.normative_documents.repealed")), Tc(V("active.normative_documents.in_force"))),
            Row(Tc(P("第二十条第（五）项"), 4)),
            Row(Tc(P("信息内容")), Tc(P("本年处理决定数量"), 3)),
            Row(Tc(label), Tc(V("active.licensing.decisions"), 3)),
            Row(Tc(P("第二十条第（六）项"), 4)),
            Row(Tc(P("信息内容")), Tc(P("本年处理决定数量"), 3)),
            Row(Tc(P("行政处罚")), Tc(V("active.punishment.decisions"), 3)),
            Row(Tc(P("行政强制")), Tc(V("active.coercion.decisions"), 3)),
            Row(Tc(P("第二十条第（八）项"), 4)),
            Row(Tc(P("信息内容")), Tc(P("本年收费金额（单位：万元）"), 3)),
            Row(Tc(P("行政事业性收费")), Tc(V("active.fees.amount"), 3)),
        };
        return Tbl(Widths(o, [.. Enumerable.Repeat(400, shift), 2800, 2000, 2000, 2200]), rows, o);
    }

    private static string RequestsHeader(DocxOptions o)
    {
        var org = o.Revisions
            ? ReportRenderer.OrgColumns.Select(static c => c.Length == 4 ? $"<w:p><w:r><w:t>{c[..2]}</w:t><w:br/><w:t>{c[2..]}</w:t></w:r></w:p>" : $"<w:p><w:r><w:t>{c[..2]}</w:t><w:tab/><w:t>{c[2..]}</w:t></w:r></w:p>")
            : ReportRenderer.OrgColumns.Select(static c => P(c));
        var h = o.RepeatHeader;
        return Tr([Tc(P("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), 3, "restart"), Tc(P("申请人情况"), 7)], header: h) +
               Tr([Tc(string.Empty, 3, "continue"), Tc(P("自然人"), 1, "restart"), Tc(P("法人或其他组织"), 5), Tc(P("总计"), 1, "restart")], header: h) +
               Tr([Tc(string.Empty, 3, "continue"), Tc(string.Empty, 1, "continue"), .. org.Select(static c => Tc(c)), Tc(string.Empty, 1, "continue")], header: h);
    }

    private static string RequestsTables(SyntheticReport r, DocxOptions o)
    {
        var rows = ReportRenderer.RequestRows(r);
        var split = o.SplitRequests ? Array.FindIndex(rows, static x => x.Id == "denied_third_party") : -1;
        var tables = new List<List<string>> { new() { RequestsHeader(o) } };
        var groupIndex = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var (id, outer, group, label) = rows[i];
            var first = i == 0 || i == split + 1;
            var cells = new List<string>();
            if (outer is null)
            {
                cells.Add(Tc(P(label), 3));
            }
            else
            {
                var opens = first || rows[i - 1].Outer != outer;
                var outerCell = Tc(opens ? P(outer) : string.Empty, 1, opens ? "restart" : "continue");
                cells.Add(o.VerticalLabel ? outerCell.Replace("</w:tcPr>", "<w:textDirection w:val=\"tbRl\"/></w:tcPr>") : outerCell);
                if (group is null)
                {
                    cells.Add(Tc(Label(label, o, GroupList), 2));
                }
                else
                {
                    var starts = first || rows[i - 1].Group != group;
                    if (starts && i > 0 && rows[i - 1].Group != group)
                    {
                        groupIndex++;
                    }

                    cells.Add(Tc(starts ? Label(group, o, GroupList) : string.Empty, 1, starts ? "restart" : "continue"));
                    cells.Add(Tc(Label(label, o, 10 + groupIndex - 1)));
                }
            }

            cells.AddRange(SyntheticReport.RequestColumns.Select(c => Tc(Value(r, $"requests.{id}.{c}", o))));
            tables[^1].Add(Tr(cells, height: o.RowHeight));
            if (i == split)
            {
                tables.Add([]);
            }
        }

        var values = o.NarrowValues ? 520 : 720;
        var widths = Widths(o, [o.VerticalLabel ? 500 : 900, 1200, 2860 - (o.VerticalLabel ? 0 : 400) + (o.NarrowValues ? 7 * (720 - 520) : 0), .. Enumerable.Repeat(values, 7)]);
        return string.Join(P("（续表）"), tables.Select(t => Tbl(widths, t, o)));
    }

    /// <summary>A label whose “（一）” or “1.” Word draws from a list, when numbering is on.</summary>
    private static string Label(string label, DocxOptions o, int numId)
    {
        if (!o.Numbering)
        {
            return P(label);
        }

        var m = System.Text.RegularExpressions.Regex.Match(label, @"^(（[一二三四五六七]）|[0-9]\.)(.*)$", System.Text.RegularExpressions.RegexOptions.Singleline);
        return m.Success ? P(m.Groups[2].Value, m.Groups[1].Value.StartsWith('（') ? GroupList : numId) : P(label);
    }

    private static string AppealsTable(SyntheticReport r, DocxOptions o)
    {
        var results = ReportRenderer.Results;
        var rows = new List<string>
        {
            Tr([Tc(P("行政复议"), 5), Tc(P("行政诉讼"), 10)]),
            Tr([.. results.Select(static x => Tc(P(x), 1, "restart")), Tc(P("未经复议直接起诉"), 5), Tc(P("复议后起诉"), 5)]),
            Tr([.. results.Select(static _ => Tc(string.Empty, 1, "continue")), .. results.Concat(results).Select(static x => Tc(P(x)))]),
            Tr(SyntheticReport.AppealBlocks.SelectMany(b => SyntheticReport.AppealResults.Append("total").Select(res => Tc(Value(r, $"appeals.{b}.{res}", o))))),
        };
        // Section 四 keeps its borders even in a borderless document: a table of one row of numbers with no label
        // column gives word alignment nothing to tell its header from the heading above it (a limit of the fallback).
        return Tbl(Widths(o, [.. Enumerable.Repeat(600, 15)]), rows, o with { Borderless = false });
    }

    /// <summary>A paragraph anchoring a text box; the VML fallback repeats the content, as Word writes it.</summary>
    private static string TextBox(string content) =>
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">" +
        "<wp:extent cx=\"5400000\" cy=\"1800000\"/><wp:docPr id=\"1\" name=\"文本框 1\"/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">" +
        $"<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr/><wps:txbx><w:txbxContent>{content}{P(string.Empty)}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>" +
        "</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style=\"width:425pt;height:142pt\">" +
        $"<v:textbox><w:txbxContent>{content}{P(string.Empty)}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>";
}
