using System.IO.Compression;
using System.Text;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Reading;
using Disclosure.Parsing.Reading.Docx;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Reading.Docx;

[TestFixture]
public sealed class DocxReaderTests
{
    private static LayoutDocument Render(DocxOptions options, Action<SyntheticReport>? change = null)
    {
        var r = SyntheticReport.Consistent(42);
        change?.Invoke(r);
        return new DocxReader().Read(DocxRenderer.Render(r, options));
    }

    private static IEnumerable<string> Texts(LayoutDocument doc) =>
        doc.Blocks.SelectMany(static b => b is LayoutTable t ? t.Cells.Select(static c => c.Text) : [((LayoutParagraph)b).Text]);

    [Test]
    public void PutsListNumbersDrawnByWordIntoTheText()
    {
        var doc = Render(new DocxOptions { Numbering = true });

        doc.Blocks.OfType<LayoutParagraph>().Select(static p => p.Text).Should().Contain(["一、总体情况", "三、收到和处理政府信息公开申请情况", "六、其他需要报告的事项"]);
        var labels = Texts(doc).ToList();
        labels.Should().Contain(["（一）予以公开", "（三）不予公开", "1.属于国家秘密", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "3.其他", "（七）总计"]);
    }

    [Test]
    public void ExpandsMergedCellsToTheGridAPersonSees()
    {
        var doc = Render(new DocxOptions());

        var requests = doc.Blocks.OfType<LayoutTable>().Single(static t => t.Cells.Any(static c => c.Text == "申请人情况"));
        requests.Cells.Single(static c => c.Text == "三、本年度办理结果").RowSpan.Should().Be(22);
        requests.Cells.Single(static c => c.Text == "（三）不予公开").RowSpan.Should().Be(8);
        requests.Cells.Single(static c => c.Text == "自然人").Should().BeEquivalentTo(new { Row = 1, Column = 3, RowSpan = 2, ColumnSpan = 1 });
        requests.Rows[12].Select(static c => c.Text).Should().StartWith(["三、本年度办理结果", "（三）不予公开", "6.属于四类过程性信息"]);
    }

    [Test]
    public void ReadsTextBoxesOnceAndLayoutTablesAsTheirContent()
    {
        var doc = Render(new DocxOptions { TextBox = true, LayoutTable = true });

        doc.Blocks.OfType<LayoutTable>().Count(static t => t.Cells.Any(static c => c.Text == "复议后起诉")).Should().Be(1);
        doc.Blocks.OfType<LayoutParagraph>().Select(static p => p.Text).Should().Contain("一、总体情况");
        doc.Blocks.OfType<LayoutTable>().Should().NotContain(static t => t.Cells.Count == 1);
    }

    [Test]
    public void ReadsTrackedChangesAsAcceptedAndFieldsByTheirResult()
    {
        var doc = Render(new DocxOptions { Revisions = true });
        var texts = Texts(doc).ToList();

        texts.Should().NotContain(static t => t.Contains("900", StringComparison.Ordinal) && t.Length == 4, "deleted text is dropped");
        texts.Should().NotContain(static t => t.Contains('=') || t.Contains("+ 0"), "field codes are dropped");
        texts.Should().Contain("行政许可", "a soft hyphen is invisible");
        texts.Should().Contain("商业\n企业");
        texts.Should().Contain("法律 服务机构");
    }

    [Test]
    public void IgnoresHeadersFootersAndComments()
    {
        var texts = Texts(Render(new DocxOptions())).ToList();

        texts.Should().NotContain(static t => t.Contains("页眉", StringComparison.Ordinal) || t.Contains("待核", StringComparison.Ordinal) || t == "- 1 -");
    }

    [Test]
    public void ReadsContentControlsAndGridBefore()
    {
        var doc = Render(new DocxOptions { ContentControl = true, GridBefore = true });

        var active = doc.Blocks.OfType<LayoutTable>().First();
        active.Cells.Single(static c => c.Text == "规章").Column.Should().Be(1, "w:gridBefore shifts the row by one grid column");
        active.Cells.Single(static c => c.Text == "本年处理决定数量" && c.Row == 5).ColumnSpan.Should().Be(3);
    }

    [Test]
    public void ReadsRowsAndCellsInsideContentControls()
    {
        // Wrap the section 三 row 三、…（一）予以公开 in a row-level content control, and its first value cell in a cell-level one.
        var r = SyntheticReport.Consistent(8);
        var bytes = DocxRenderer.Render(r, new DocxOptions());
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, true))
        {
            var body = doc.MainDocumentPart!.Document!.Body!;
            var row = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().First(static tr => tr.InnerText.Contains("予以公开"));
            var cell = row.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().ElementAt(2);
            cell.InsertBeforeSelf(new DocumentFormat.OpenXml.Wordprocessing.SdtCell(new DocumentFormat.OpenXml.Wordprocessing.SdtContentCell(cell.CloneNode(true))));
            cell.Remove();
            row.InsertBeforeSelf(new DocumentFormat.OpenXml.Wordprocessing.SdtRow(new DocumentFormat.OpenXml.Wordprocessing.SdtContentRow(row.CloneNode(true))));
            row.Remove();
        }

        var report = DisclosurePipeline.Default.Recognize(new DocxReader().Read(stream.ToArray()));

        report.Value("requests.granted.natural_person").Should().Be(r.Value("requests.granted.natural_person"));
        report.Value("requests.granted.total").Should().Be(r.Value("requests.granted.total"));
    }

    [Test]
    public void NumbersDrawnThroughAHeadingStyleAreRead()
    {
        const string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        using var stream = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            void Feed(DocumentFormat.OpenXml.Packaging.OpenXmlPart part, string xml) => part.FeedData(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
            Feed(main.AddNewPart<DocumentFormat.OpenXml.Packaging.NumberingDefinitionsPart>(), $"<w:numbering xmlns:w=\"{w}\">" +
                "<w:abstractNum w:abstractNumId=\"5\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>" +
                "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl></w:abstractNum>" +
                "<w:num w:numId=\"9\"><w:abstractNumId w:val=\"5\"/></w:num></w:numbering>");
            Feed(main.AddNewPart<DocumentFormat.OpenXml.Packaging.StyleDefinitionsPart>(), $"<w:styles xmlns:w=\"{w}\">" +
                "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:pPr><w:numPr><w:numId w:val=\"9\"/></w:numPr></w:pPr></w:style>" +
                "<w:style w:type=\"paragraph\" w:styleId=\"MyHeading\"><w:name w:val=\"my heading\"/><w:basedOn w:val=\"Heading1\"/></w:style>" +
                "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"9\"/></w:numPr></w:pPr></w:style></w:styles>");
            string P(string style, string text) => $"<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>";
            Feed(main, $"<w:document xmlns:w=\"{w}\"><w:body>{P("Heading1", "总体情况")}{P("Heading2", "主动公开情况")}{P("Heading2", "依申请公开情况")}" +
                       $"{P("MyHeading", "主动公开政府信息情况")}{P("Heading2", "规章")}</w:body></w:document>");
        }

        var texts = new DocxReader().Read(stream.ToArray()).Blocks.OfType<LayoutParagraph>().Select(static p => p.Text);

        texts.Should().Equal("一、总体情况", "（一）主动公开情况", "（二）依申请公开情况", "二、主动公开政府信息情况", "（一）规章");
    }

    [Test]
    public void ALegacyDocIsNamedAsSuch()
    {
        var act = () => new DocxReader().Read(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 });

        act.Should().Throw<DocumentReadException>().WithMessage("*legacy binary Word .doc*save it as .docx*");
    }

    [Test]
    public void AnEncryptedPackageIsNamedAsSuch()
    {
        // An encrypted .docx is an OLE compound file whose directory names an EncryptedPackage stream.
        var ole = new byte[2048];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(ole, 1024);

        var act = () => new DocxReader().Read(ole);

        act.Should().Throw<DocumentReadException>().WithMessage("*encrypted or password-protected*");
    }

    [Test]
    public void ATruncatedPackageIsCorrupt()
    {
        var bytes = DocxRenderer.Render(SyntheticReport.Consistent(1), new DocxOptions());

        var act = () => new DocxReader().Read(bytes[..(bytes.Length / 2)]);

        act.Should().Throw<DocumentReadException>().WithMessage("a damaged .docx: its zip package*cut short*");
    }

    [Test]
    public void APackageThatExpandsTooFarIsRefused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            for (var i = 0; i < 300; i++)
            {
                entry.Write(block);
            }
        }

        stream.Length.Should().BeLessThan(2 * 1024 * 1024);
        var act = () => new DocxReader().Read(stream.ToArray());

        act.Should().Throw<DocumentReadException>().WithMessage("*zip bomb*");
    }

    [Test]
    public void AZipThatIsNotWordIsSaidSo()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            writer.Write("hello");
        }

        var act = () => new DocxReader().Read(stream.ToArray());

        act.Should().Throw<DocumentReadException>();
    }

    [Test]
    public void ADocumentWithoutTablesIsAReportWithMissingTables()
    {
        var r = SyntheticReport.Consistent(5);
        var bytes = DocxRenderer.Render(r, new DocxOptions());
        var doc = new DocxReader().Read(bytes);
        var withoutTables = doc with { Blocks = doc.Blocks.Where(static b => b is not LayoutTable).ToList() };

        var report = DisclosurePipeline.Default.Recognize(withoutTables);
        var findings = DisclosurePipeline.Default.Check(report);

        findings.Where(static f => f.RuleId == "SEC002").Select(static f => f.Section).Should().Equal("二", "三", "四");
    }

    [TestCase(1, "chineseCounting", "一")]
    [TestCase(10, "chineseCounting", "十")]
    [TestCase(12, "chineseCounting", "十二")]
    [TestCase(21, "chineseCounting", "二十一")]
    [TestCase(3, "decimalFullWidth", "３")]
    [TestCase(2, "decimalEnclosedCircle", "②")]
    [TestCase(4, "upperRoman", "IV")]
    public void FormatsListNumbers(int value, string format, string expected) =>
        WordNumbering.Format(value, format).Should().Be(expected);
}
