using System.Diagnostics;
using System.Text;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Reading.Docx;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Robustness;

/// <summary>A damaged part of a Word package costs what that part carries: broken numbering costs list numbers, not the report.</summary>
[TestFixture]
public sealed class DamagedDocxPartTests
{
    private static readonly SyntheticReport Report = SyntheticReport.Consistent(5);

    private static byte[] Numbered => DocxRenderer.Render(Report, new DocxOptions { Numbering = true });

    private static IEnumerable<string> Paragraphs(LayoutDocument doc) => doc.Blocks.OfType<LayoutParagraph>().Select(static p => p.Text);

    [TestCase("<w:numbering")]
    [TestCase("")]
    [TestCase("<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum>")]
    public void MalformedNumberingCostsTheListNumbersOnly(string numbering)
    {
        var bytes = DocxMutations.WithPart(Numbered, "word/numbering.xml", _ => numbering);

        var result = DisclosurePipeline.Default.Audit(bytes, "report.docx");

        result.Error.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().Match("the list numbering part (word/numbering.xml) *list numbers (一、 （一） 1.) are left out*");
        PlainWords.Problem(result.Problems[0]).Should().BeNull();
        result.Report!.Value("requests.new.total").Should().Be(Report.Value("requests.new.total"), "the tables do not depend on numbering");
    }

    [Test]
    public void NumberingWithValuesWordNeverWritesIsReadAsFarAsItMakesSense()
    {
        // Levels past 8, an override of level 12, a start that is not a number, the same override twice, the last one
        // starting the count at the largest integer in letters.
        var bytes = DocxMutations.WithPart(Numbered, "word/numbering.xml", static xml => xml
            .Replace("<w:lvl w:ilvl=\"0\">", "<w:lvl w:ilvl=\"99\"><w:start w:val=\"x\"/></w:lvl><w:lvl w:ilvl=\"0\">", StringComparison.Ordinal)
            .Replace(
                "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>",
                "<w:lvlOverride w:ilvl=\"12\"><w:startOverride w:val=\"3\"/></w:lvlOverride><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"abc\"/></w:lvlOverride>" +
                "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"2147483647\"/></w:lvlOverride>",
                StringComparison.Ordinal)
            .Replace("<w:numFmt w:val=\"decimal\"/>", "<w:numFmt w:val=\"upperLetter\"/>", StringComparison.Ordinal));

        var doc = new DocxReader().Read(bytes);

        doc.Problems.Should().BeEmpty();
        Paragraphs(doc).Should().Contain(["一、总体情况", "六、其他需要报告的事项"]);
        doc.Blocks.OfType<LayoutTable>().SelectMany(static t => t.Cells).Should().OnlyContain(static c => c.Text.Length < 200, "a list number is a few characters, whatever its count");
    }

    [Test]
    public void MalformedStylesCostTheNumbersDrawnThroughStylesOnly()
    {
        var styled = MutantCorpus.WithHeadingStyles(File.ReadAllBytes(Path.Combine(TestPaths.TestData, "docx", "national_template_numbered.docx")));
        Paragraphs(new DocxReader().Read(styled)).Should().Contain("一、总体情况", "the fixture numbers headings through a style");

        var doc = new DocxReader().Read(DocxMutations.WithPart(styled, "word/styles.xml", static xml => xml[..(xml.Length / 2)]));

        doc.Problems.Should().ContainSingle().Which.Should().Match("the styles part (word/styles.xml) is not well-formed XML*numbers drawn through paragraph styles are left out*");
        Paragraphs(doc).Should().Contain("总体情况").And.NotContain("一、总体情况");
        doc.Blocks.OfType<LayoutTable>().Should().NotBeEmpty();
    }

    [Test]
    public void StylesBasedOnEachOtherInALoopEndTheSearch()
    {
        var styled = MutantCorpus.WithHeadingStyles(File.ReadAllBytes(Path.Combine(TestPaths.TestData, "docx", "national_template_numbered.docx")));
        var looped = DocxMutations.WithPart(styled, "word/styles.xml", static xml => xml
            .Replace("<w:name w:val=\"heading 1\"/>", "<w:name w:val=\"heading 1\"/><w:basedOn w:val=\"MyHeading\"/>", StringComparison.Ordinal)
            .Replace("<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>", string.Empty, StringComparison.Ordinal));

        var doc = new DocxReader().Read(looped);

        Paragraphs(doc).Should().Contain("总体情况");
    }

    [TestCase("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>")]
    [TestCase("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>")]
    [TestCase("<w:p><w:hyperlink>", "</w:hyperlink></w:p>")]
    [TestCase("<w:customXml w:element=\"x\">", "</w:customXml>")]
    public void ABodyNestedAHundredThousandDeepIsRefusedNotOverflowed(string open, string close)
    {
        // The Open XML SDK loads a part by recursion: this overflowed the stack and took the process down.
        const int depth = 100_000;
        var nested = new StringBuilder().Insert(0, open, depth).Append("<w:p/>").Append(new StringBuilder().Insert(0, close, depth));
        var bytes = DocxMutations.WithPart(Numbered, "word/document.xml", xml => xml.Replace("<w:body>", "<w:body>" + nested, StringComparison.Ordinal));
        var watch = Stopwatch.StartNew();

        var result = DisclosurePipeline.Default.Audit(bytes, "deep.docx");

        result.ErrorKind.Should().Be(FailureKind.Corrupt);
        result.Error.Should().Be("a damaged .docx: its main text (word/document.xml) nests its elements more than 1000 deep, which no Word document does: it is damaged or made to crash readers");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Test]
    public void DeepNestingInTheNumberingCostsTheNumbersOnly()
    {
        var bytes = DocxMutations.WithPart(Numbered, "word/numbering.xml", static xml => xml.Replace(
            "<w:abstractNum ", string.Concat(Enumerable.Repeat("<w:x>", 50_000)) + string.Concat(Enumerable.Repeat("</w:x>", 50_000)) + "<w:abstractNum ", StringComparison.Ordinal));

        var doc = new DocxReader().Read(bytes);

        doc.Problems.Should().ContainSingle().Which.Should().StartWith("the list numbering part (word/numbering.xml) nests its elements more than 1000 deep");
        doc.Blocks.OfType<LayoutTable>().Should().NotBeEmpty();
    }

    [Test]
    public void SpansPastWhatWordDrawsAreClampedNotRunOffTheGrid()
    {
        var bytes = DocxMutations.WithPart(Numbered, "word/document.xml", static xml => xml
            .Replace("<w:gridSpan w:val=\"", "<w:gridSpan w:val=\"2147483647", StringComparison.Ordinal)
            .Replace("<w:tr>", "<w:tr><w:trPr><w:gridBefore w:val=\"-5\"/></w:trPr>", StringComparison.Ordinal));

        var doc = new DocxReader().Read(bytes);

        var cells = doc.Blocks.OfType<LayoutTable>().SelectMany(static t => t.Cells).ToList();
        cells.Should().OnlyContain(static c => c.Column >= 0 && c.ColumnSpan >= 1 && c.ColumnSpan <= 63, "Word draws at most 63 columns");
    }

    [Test]
    public void APartLargerThanTheLimitIsSaidSo()
    {
        var act = () => new DocxReader(new DocxReaderOptions { MaxCharactersInPart = 1000 }).Read(Numbered);

        act.Should().Throw<Disclosure.Parsing.Reading.DocumentReadException>().WithMessage("a damaged .docx: its main text (word/document.xml) holds more text than the reader accepts in one part*");
    }

    [Test]
    public void ADamagedBodyIsNamedInPlainWords()
    {
        var bytes = DocxMutations.WithPart(Numbered, "word/document.xml", static xml => xml[..(xml.Length * 2 / 3)]);

        var result = DisclosurePipeline.Default.Audit(bytes, "cut.docx");

        result.ErrorKind.Should().Be(FailureKind.Corrupt);
        result.Error.Should().StartWith("a damaged .docx: its main text (word/document.xml) is not well-formed XML (line 1, column");
        PlainWords.Problem(result.Error!).Should().BeNull();
    }
}
