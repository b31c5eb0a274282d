using Disclosure.Parsing.Model;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Robustness;

/// <summary>PDFs written as Word and WPS write them: objects packed in compressed object streams, a cross-reference stream.</summary>
[TestFixture]
public sealed class ObjectStreamTests
{
    private static byte[] Original => File.ReadAllBytes(Path.Combine(TestPaths.TestData, "pdf", "ruled_two_pages.pdf"));

    [Test]
    public void APackedFileReadsAsItsPlainOriginal()
    {
        var packed = new PdfObjects(Original).WriteCompressed();
        System.Text.Encoding.Latin1.GetString(packed).Should().Contain("/Type/ObjStm").And.Contain("/Type/XRef").And.NotContain("trailer");

        var plain = DisclosurePipeline.Default.Audit(Original, "plain.pdf");
        var result = DisclosurePipeline.Default.Audit(packed, "packed.pdf");

        result.Error.Should().BeNull();
        result.Report!.Cells.Should().BeEquivalentTo(plain.Report!.Cells);
    }

    [Test]
    public void ALoopOfReferencesInsideAnObjectStreamIsRefusedNotOverflowed()
    {
        // Packed objects cannot be patched in place as plain ones are: the file is refused, and says why.
        var editor = new PdfObjects(Original);
        var info = PdfObjects.Reference(editor.Trailer, "Info")!.Value;
        var spare = editor.Objects.Keys.Max() + 1;
        editor.Objects[info] = new PdfObject(info, $"{spare} 0 R", null);
        editor.Objects[spare] = new PdfObject(spare, $"{info} 0 R", null);

        var result = DisclosurePipeline.Default.Audit(editor.WriteCompressed(), "looped.pdf");

        result.ErrorKind.Should().Be(FailureKind.Corrupt);
        result.Error.Should().Be($"a damaged PDF: its objects {Math.Min(info, spare)}, {Math.Max(info, spare)} refer to one another in a loop, inside a compressed object stream");
    }
}
