using System.IO.Compression;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Reading;

namespace Disclosure.Parsing.Tests.Reading;

[TestFixture]
public sealed class ExceptionOriginTests
{
    private static Exception Thrown(Action act)
    {
        try
        {
            act();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new AssertionException("nothing was thrown");
    }

    [Test]
    public void AnExceptionFromLinqInOurCodeIsOurs()
    {
        // Thrown by LINQ's throw helper, called from Report.Section: the runtime's plumbing speaks for its caller.
        var report = new Report(null, null, null, [], [], new Dictionary<string, ReportCell>());

        var e = Thrown(() => report.Section("九"));

        e.Should().BeOfType<InvalidOperationException>();
        ExceptionOrigin.IsOurs(e).Should().BeTrue();
    }

    [Test]
    public void AnExceptionFromAParserIsTheFiles()
    {
        ExceptionOrigin.IsOurs(Thrown(() => UglyToad.PdfPig.PdfDocument.Open([1, 2, 3]))).Should().BeFalse();
        ExceptionOrigin.IsOurs(Thrown(() => _ = new ZipArchive(new MemoryStream([1, 2, 3]), ZipArchiveMode.Read))).Should().BeFalse();
    }

    [Test]
    public void TheTypesOnTheStackAreListedFromTheThrow()
    {
        var e = Thrown(() => UglyToad.PdfPig.PdfDocument.Open([1, 2, 3]));

        ExceptionOrigin.ThrowingTypes(e).First().Should().StartWith("UglyToad.PdfPig");
    }
}
