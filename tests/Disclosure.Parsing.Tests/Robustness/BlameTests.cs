using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Reading;

namespace Disclosure.Parsing.Tests.Robustness;

/// <summary>What escapes a reader is blamed on the code that threw: a defect of this library, or a file a parser could not take.</summary>
[TestFixture]
public sealed class BlameTests
{
    [Test]
    public void AnExceptionFromThisLibrarysCodeIsAnInternalError()
    {
        // Report.Section asks LINQ for a section that is not there: LINQ throws, on this library's behalf.
        var result = Pipeline(() => new Report(null, null, null, [], [], new Dictionary<string, ReportCell>()).Section("九")).Audit("x"u8.ToArray(), "x.test");

        result.ErrorKind.Should().Be(FailureKind.InternalError);
        result.Error.Should().StartWith("internal error in the test reader (a defect of this tool, please report it) (detail: InvalidOperationException: ");
    }

    [Test]
    public void AnExceptionFromElsewhereIsADamagedFileSaidInWords()
    {
        var result = Pipeline(() => throw new FormatException("bad byte at 3")).Audit("x"u8.ToArray(), "x.test");

        result.ErrorKind.Should().Be(FailureKind.Corrupt);
        result.Error.Should().Be("a damaged or unreadable file: the test reader could not read it (detail: FormatException: bad byte at 3)");
        PlainWords.Problem(result.Error!).Should().BeNull();
    }

    private static DisclosurePipeline Pipeline(Action read) => new DisclosurePipelineBuilder { Readers = { new ThrowingReader(read) } }.Build();

    private sealed class ThrowingReader(Action read) : IDocumentReader
    {
        public string Format => "test";

        public IReadOnlyCollection<string> Extensions { get; } = [".test"];

        public int Sniff(ReadOnlySpan<byte> head) => 100;

        public LayoutDocument Read(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
        {
            read();
            return new LayoutDocument(Format, null, []);
        }
    }
}
