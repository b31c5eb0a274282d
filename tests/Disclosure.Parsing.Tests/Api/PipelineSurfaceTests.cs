using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Reading;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.CrossYear;
using Disclosure.Parsing.Tests.Rules;

namespace Disclosure.Parsing.Tests.Api;

/// <summary>What a library user needs beyond a path: a stream, cancellation at every stage, rules of their own across years.</summary>
[TestFixture]
public sealed class PipelineSurfaceTests
{
    private static string Sample => Path.Combine(TestPaths.TestData, "html", "broken_totals.html");

    [Test]
    public void AStreamIsAuditedAsTheSameBytesAre()
    {
        var fromPath = DisclosurePipeline.Default.Audit(Sample);
        using var stream = new NonSeekableStream(File.ReadAllBytes(Sample));

        var fromStream = DisclosurePipeline.Default.Audit(stream, Sample);

        fromStream.Should().Be(fromPath);
        fromStream.Findings.Should().NotBeEmpty("the sample has broken totals, so equality is not between two empty results");
    }

    [Test]
    public async Task AStreamIsReadAsynchronouslyForHostsThatRefuseSynchronousReads()
    {
        using var stream = new NonSeekableStream(File.ReadAllBytes(Sample)) { RefuseSynchronousReads = true };

        var result = await DisclosurePipeline.Default.AuditAsync(stream, "upload.html");

        result.Should().Be(DisclosurePipeline.Default.Audit(Sample) with { File = "upload.html" });
    }

    [Test]
    public void AStreamLongerThanTheLimitIsRefusedWithoutReadingItAll()
    {
        var pipeline = new DisclosurePipelineBuilder { MaxDocumentBytes = 1024 * 1024 }.UseDefaultReaders().UseCoreRules().Build();
        using var endless = new EndlessStream();

        var result = pipeline.Audit(endless, "endless.html");

        result.ErrorKind.Should().Be(FailureKind.TooLarge);
        result.Error.Should().Contain("too large");
        endless.BytesRead.Should().BeLessThan(2 * 1024 * 1024, "reading stops once the limit is passed");
    }

    [Test]
    public void AStreamThatFailsIsAnIoErrorOfThatFile()
    {
        using var failing = new NonSeekableStream([]) { Failure = new IOException("connection reset") };

        var result = DisclosurePipeline.Default.Audit(failing, "remote.html");

        result.File.Should().Be("remote.html");
        result.ErrorKind.Should().Be(FailureKind.IoError);
        result.Error.Should().Contain("connection reset");
    }

    [Test]
    public void CancellingAfterTheReaderStopsBeforeRecognition()
    {
        using var cancel = new CancellationTokenSource();
        var reader = new CancellingReader(cancel);
        var pipeline = new DisclosurePipelineBuilder { Readers = { reader } }.UseCoreRules().Build();

        var audit = () => pipeline.Audit("a report"u8.ToArray(), "report.txt", cancel.Token);

        audit.Should().Throw<OperationCanceledException>("cancelling while the reader finished must not run the rest");
        reader.Reads.Should().Be(1);
    }

    [Test]
    public void CancellingDuringTheRulesStopsBeforeTheNextRule()
    {
        using var cancel = new CancellationTokenSource();
        var after = new CountingRule("EX802");
        var pipeline = new DisclosurePipelineBuilder { Rules = { new CountingRule("EX801", cancel), after } }.Build();

        var check = () => pipeline.Check(TestReports.Consistent(), cancel.Token);

        check.Should().Throw<OperationCanceledException>();
        after.Runs.Should().Be(0, "the rule after the cancellation does not run");
    }

    [Test]
    public void RulesRunToTheEndWhenNothingIsCancelled()
    {
        var first = new CountingRule("EX801");
        var second = new CountingRule("EX802");
        var pipeline = new DisclosurePipelineBuilder { Rules = { first, second } }.Build();

        pipeline.Check(TestReports.Consistent(), CancellationToken.None);

        (first.Runs, second.Runs).Should().Be((1, 1));
    }

    [Test]
    public void ACrossYearRuleOfTheUsersOwnRunsInTheBatchPass()
    {
        var pipeline = new DisclosurePipelineBuilder { PairRules = { new GrowthRule() } }.Build();
        var pass = new CrossYearPass(pipeline);
        var earlier = TestReports.Consistent() with { Agency = "某某市某某局", Year = 2022 };
        var later = TestReports.Consistent().Bumped("requests.new.total", 50) with { Agency = "某某市某某局", Year = 2023 };
        pass.Add("2022.html", earlier.Agency, earlier.Year, earlier.Cells.Values);
        pass.Add("2023.html", later.Agency, later.Year, later.Cells.Values);

        var pair = pass.Compare().Should().ContainSingle().Subject;

        pass.CellsKept.Should().Equal(["requests.new.total"], "the pass keeps what the user's rule says it reads, and nothing else");
        pair.Findings.Should().ContainSingle().Which.RuleId.Should().Be("EX850");
        pipeline.CheckPair(earlier, earlier).Should().BeEmpty("the rule fires on growth only");
    }

    /// <summary>A plain stream that cannot seek (a network body): the pipeline learns its length only by reading.</summary>
    private sealed class NonSeekableStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content);

        public bool RefuseSynchronousReads { get; init; }

        public Exception? Failure { get; init; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) =>
            Failure is not null ? throw Failure
            : RefuseSynchronousReads ? throw new InvalidOperationException("synchronous reads are disallowed")
            : _inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Failure is not null ? ValueTask.FromException<int>(Failure) : _inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Never ends, and counts what was taken from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A reader that reads a report's layout, and the caller cancels just as it finishes.</summary>
    private sealed class CancellingReader(CancellationTokenSource cancel) : IDocumentReader
    {
        public int Reads { get; private set; }

        public string Format => "text";

        public IReadOnlyCollection<string> Extensions => [".txt"];

        public int Sniff(ReadOnlySpan<byte> head) => 100;

        public LayoutDocument Read(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
        {
            Reads++;
            cancel.Cancel();
            return new LayoutDocument("text", null, [new LayoutParagraph("一、总体情况", "line 1")]);
        }
    }

    /// <summary>Counts its runs; optionally cancels the audit as it runs.</summary>
    private sealed class CountingRule(string id, CancellationTokenSource? cancel = null) : IReportRule
    {
        public int Runs { get; private set; }

        public RuleDescriptor Descriptor { get; } = new(id, "Example", "Counts its runs", Severity.Note, "For the test.");

        public IEnumerable<Finding> Check(Report report)
        {
            Runs++;
            cancel?.Cancel();
            return [];
        }
    }

    /// <summary>A user's own cross-year rule: new requests more than doubled.</summary>
    private sealed class GrowthRule : IReportPairRule
    {
        private static readonly RuleDescriptor Rule = new("EX850", "Example", "Requests grew", Severity.Note, "For the test.");

        public RuleDescriptor Descriptor => Rule;

        public IReadOnlyCollection<string>? CellsRead => ["requests.new.total"];

        public IEnumerable<Finding> Check(Report current, Report previous)
        {
            if (current.Value("requests.new.total") > previous.Value("requests.new.total"))
            {
                yield return new Finding(Rule.Id, Rule.DefaultSeverity, null, ["requests.new.total"], null, null, "new requests grew");
            }
        }
    }
}
