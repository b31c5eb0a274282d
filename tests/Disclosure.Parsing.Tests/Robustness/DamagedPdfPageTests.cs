using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Reading.Pdf;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Robustness;

/// <summary>A damaged page of a PDF costs that page: the others are read, and the result names the one that is missing.</summary>
[TestFixture]
public sealed class DamagedPdfPageTests
{
    private const string Fixture = "ruled_three_pages_repeated_header.pdf";

    private static byte[] Original => File.ReadAllBytes(Path.Combine(TestPaths.TestData, "pdf", Fixture));

    [TestCase(PageDamage.UndecodableStream)]
    [TestCase(PageDamage.GarbledInstructions)]
    [TestCase(PageDamage.FontNotAName)]
    [TestCase(PageDamage.MissingStream)]
    public void TheOtherPagesAreReadAndTheBrokenOneIsNamed(PageDamage damage)
    {
        var whole = DisclosurePipeline.Default.Audit(Original, Fixture);
        var onOtherPages = whole.Report!.Cells.Values.Where(static c => !c.Location.StartsWith("page 2,", StringComparison.Ordinal)).ToList();
        onOtherPages.Should().NotBeEmpty("the fixture has cells on pages 1 and 3");

        var result = DisclosurePipeline.Default.Audit(DamagedPdf.Break(Original, damage, 2), Fixture);

        result.Error.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().StartWith("page 2 ");
        foreach (var cell in onOtherPages)
        {
            // Tables are numbered in the document: one fewer before them changes the number in the location, not the page.
            var read = result.Report!.Cell(cell.Key);
            read.Should().NotBeNull("{0} is on {1}", cell.Key, Page(cell.Location));
            (read!.Value, read.Text, Page(read.Location)).Should().Be((cell.Value, cell.Text, Page(cell.Location)), "{0} is on {1}", cell.Key, Page(cell.Location));
        }

        result.Report!.Cells.Values.Should().NotContain(static c => c.Location.StartsWith("page 2,", StringComparison.Ordinal));
    }

    [Test]
    public void APageReadInPartIsNamedAsIncomplete()
    {
        var result = DisclosurePipeline.Default.Audit(DamagedPdf.Break(Original, PageDamage.LastOperatorCut, 2), Fixture);

        result.Problems.Should().ContainSingle().Which.Should().StartWith("page 2 is damaged and may be incomplete: its drawing instructions (content stream) are damaged (detail: ");
        result.Report!.Cells.Values.Should().Contain(static c => c.Location.StartsWith("page 2,", StringComparison.Ordinal), "what page 2 drew around the damage is read");
    }

    [Test]
    public void ThePageReaderSaysInPlainWordsWhatIsWrong()
    {
        // PdfPig's own words for this page are "Value cannot be null. (Parameter 'key')".
        var layout = new PdfReader().Read(DamagedPdf.Break(Original, PageDamage.GarbledInstructions, 2));

        var problem = layout.Problems.Should().ContainSingle().Subject;
        problem.Should().StartWith("page 2 could not be read and was skipped: the drawing instructions (content stream) are damaged");
        PlainWords.Problem(problem).Should().BeNull();
        layout.Blocks.Should().NotBeEmpty();
    }

    [Test]
    public void AFileWhosePagesAllFailIsCorruptAndNamesThem()
    {
        var pages = Enumerable.Range(1, new PdfObjects(Original).Pages().Count).ToArray();
        var result = DisclosurePipeline.Default.Audit(DamagedPdf.Break(Original, PageDamage.UndecodableStream, pages), Fixture);

        result.ErrorKind.Should().Be(FailureKind.Corrupt);
        result.Error.Should().Contain($"none of its {pages.Length} pages can be read");
        foreach (var page in pages)
        {
            result.Error.Should().Contain($"page {page}: its content stream (the page's text and drawing) is damaged and does not decompress");
        }

        PlainWords.Problem(result.Error!).Should().BeNull();
    }

    [Test]
    public void AnUndamagedFileHasNoProblems()
    {
        new PdfReader().Read(Original).Problems.Should().BeEmpty();
        DisclosurePipeline.Default.Audit(Original, Fixture).Problems.Should().BeEmpty();
    }

    [Test]
    public void ObjectsThatReferToEachOtherInALoopAreReadAsEmpty()
    {
        // PdfPig follows a reference to a reference by recursion: a loop of them overflowed the stack and killed the process.
        var editor = new PdfObjects(Original);
        var info = PdfObjects.Reference(editor.Trailer, "Info")!.Value;
        var spare = editor.Objects.Keys.Max() + 1;
        editor.Objects[info] = new PdfObject(info, $"{spare} 0 R", null);
        editor.Objects[spare] = new PdfObject(spare, $"[{info} 0 R]", null);

        var layout = new PdfReader().Read(editor.Write());

        layout.Problems.Should().Contain(static p => p.Contains("loop", StringComparison.Ordinal));
        layout.Blocks.OfType<LayoutTable>().Should().NotBeEmpty();
    }

    private static string Page(string location) => location.Split(',')[0];
}
