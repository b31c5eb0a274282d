using System.Diagnostics;
using System.Text;
using Disclosure.Parsing.Batch;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Reading;

namespace Disclosure.Parsing.Tests.Batch;

[TestFixture]
public sealed class BatchAuditorTests
{
    private string _dir = null!;
    private ManualResetEventSlim _release = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "batch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _release = new ManualResetEventSlim();
    }

    [TearDown]
    public void TearDown()
    {
        // Lets the abandoned readers of a test end, so that they do not spin on in the test host.
        _release.Set();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Sample(string name) => Path.Combine(TestPaths.TestData, name);

    // The first report read in a process pays for compiling the readers; the limits below are for the files, not for that.
    [OneTimeSetUp]
    public void WarmUp() => DisclosurePipeline.Default.Audit(Sample("html/plain.html"));

    private string Write(string name, string content = "HANG")
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A pipeline whose ".hang" files never finish until the test ends, whatever the token says, as a parser we do not own.</summary>
    private DisclosurePipeline Hanging(TimeSpan? after = null)
    {
        var builder = new DisclosurePipelineBuilder().UseDefaultReaders().UseCoreRules();
        builder.Readers.Insert(0, new HangingReader(_release, after));
        return builder.Build();
    }

    private static List<AuditResult> Run(BatchAuditor auditor, IReadOnlyList<string> files, IProgress<BatchProgress>? progress = null, CancellationToken token = default) =>
        auditor.AuditAsync(files, progress, token).ToBlockingEnumerable(token).ToList();

    [Test]
    public void AFilePastItsLimitGetsItsOwnResultAndTheBatchGoesOnInOrder()
    {
        string[] files = [Sample("html/plain.html"), Write("stuck.hang"), Sample("html/broken_totals.html"), Sample("text/inline_tabs.txt")];
        var auditor = new BatchAuditor(Hanging(), new BatchOptions { FileTimeout = TimeSpan.FromSeconds(5), MaxParallelism = 2 });

        var clock = Stopwatch.StartNew();
        var results = Run(auditor, files);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the stuck file is let go at its limit");
        results.Select(static r => r.File).Should().Equal(files);
        results[1].ErrorKind.Should().Be(FailureKind.TimedOut);
        results[1].Error.Should().Contain("timed out").And.Contain("5 s");
        results.Where(static (_, i) => i != 1).Select(static r => r.Error).Should().OnlyContain(static e => e == null);
    }

    [Test]
    public void ASlowFileHoldsTheOutputBackByAtMostItsLimit()
    {
        // Everything after the stuck file is ready long before it; the first of them must come out about when it times out.
        var files = new List<string> { Write("stuck.hang") };
        files.AddRange(Enumerable.Repeat(Sample("text/inline_tabs.txt"), 20));
        var auditor = new BatchAuditor(Hanging(), new BatchOptions { FileTimeout = TimeSpan.FromSeconds(2), MaxParallelism = 2 });

        var clock = Stopwatch.StartNew();
        var times = new List<TimeSpan>();
        foreach (var _ in auditor.AuditAsync(files).ToBlockingEnumerable())
        {
            times.Add(clock.Elapsed);
        }

        times.Should().HaveCount(21);
        times[0].Should().BeGreaterThan(TimeSpan.FromSeconds(1.5)).And.BeLessThan(TimeSpan.FromSeconds(10));
        (times[^1] - times[0]).Should().BeLessThan(TimeSpan.FromSeconds(5), "the files behind it were read meanwhile");
    }

    [Test]
    public void PastTheBoundOfAbandonedFilesTheBatchTakesNoMoreInThisProcess()
    {
        string[] files = [Write("a.hang"), Write("b.hang"), Write("c.hang"), Sample("html/plain.html")];
        var auditor = new BatchAuditor(Hanging(), new BatchOptions { FileTimeout = TimeSpan.FromSeconds(1), MaxParallelism = 1, MaxAbandonedFiles = 2 });

        var results = Run(auditor, files);

        results.Select(static r => r.ErrorKind).Should().Equal(FailureKind.TimedOut, FailureKind.TimedOut, FailureKind.TimedOut, FailureKind.TimedOut);
        results[2].Error.Should().Contain("no more files");
        results[3].Error.Should().Contain("no more files");
    }

    [Test]
    public void AtTheBoundAFileWaitsForAnAbandonedOneToEnd()
    {
        // Each stuck file ends on its own 2 s after it started, 1 s after it was let go.
        string[] files = [Write("a.hang"), Write("b.hang"), Sample("html/plain.html")];
        var auditor = new BatchAuditor(Hanging(after: TimeSpan.FromSeconds(2)),
            new BatchOptions { FileTimeout = TimeSpan.FromSeconds(1.5), MaxParallelism = 1, MaxAbandonedFiles = 1 });

        var results = Run(auditor, files);

        results.Select(static r => r.ErrorKind).Should().Equal(FailureKind.TimedOut, FailureKind.TimedOut, null);
        results[1].Error.Should().Contain("within 1.5 s", "b.hang was read, once a.hang had ended");
    }

    [Test]
    public void ProgressCountsTheFilesAndNamesTheOneThatIsSlow()
    {
        string[] files = [Sample("html/plain.html"), Write("stuck.hang"), Sample("html/plain.html")];
        var auditor = new BatchAuditor(Hanging(), new BatchOptions { FileTimeout = TimeSpan.FromSeconds(1.5), MaxParallelism = 1 });
        var reports = new List<BatchProgress>();
        var progress = new Recorder(reports);

        Run(auditor, files, progress);

        lock (reports)
        {
            reports.Should().Contain(static p => p.SlowestFile != null && p.SlowestFile.EndsWith("stuck.hang") && p.SlowestFor > TimeSpan.FromSeconds(0.5));
            reports[^1].Done.Should().Be(3);
            reports[^1].Total.Should().Be(3);
            reports.Select(static p => p.Done).Should().BeInAscendingOrder();
        }
    }

    [Test]
    public void CancellingStopsTakingFilesAndEndsTheEnumeration()
    {
        var files = Enumerable.Repeat(Sample("html/plain.html"), 2000).ToList();
        using var cancel = new CancellationTokenSource();
        var auditor = new BatchAuditor(DisclosurePipeline.Default, new BatchOptions { MaxParallelism = 2 });
        var seen = 0;

        var act = () =>
        {
            foreach (var _ in auditor.AuditAsync(files, null, cancel.Token).ToBlockingEnumerable(cancel.Token))
            {
                if (++seen == 5)
                {
                    cancel.Cancel();
                }
            }
        };

        act.Should().Throw<OperationCanceledException>();
        seen.Should().BeLessThan(files.Count);
    }

    [Test]
    public void ASmallReorderWindowStillGivesEveryResultInOrder()
    {
        var files = new[] { "html/plain.html", "text/cell_per_line.txt", "html/broken_totals.html", "pdf/landscape.pdf", "html/missing_section.html" }
            .SelectMany(static f => Enumerable.Repeat(Sample(f), 6)).Append(Path.Combine(_dir, "missing.html")).ToList();
        var auditor = new BatchAuditor(DisclosurePipeline.Default, new BatchOptions { MaxParallelism = 3, ReorderWindow = 2 });

        var results = Run(auditor, files);

        results.Select(static r => r.File).Should().Equal(files);
        results[^1].ErrorKind.Should().Be(FailureKind.NotFound);
    }

    [Test]
    public void ResultsEqualThoseOfTheSameFilesAuditedOneByOne()
    {
        var files = Directory.EnumerateFiles(TestPaths.TestData, "*", SearchOption.AllDirectories)
            .Where(static f => !f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        var batch = Run(new BatchAuditor(DisclosurePipeline.Default), files);

        batch.Select(Disclosure.Parsing.Output.ReportJson.ToJsonLine).Should().Equal(files.Select(f => Disclosure.Parsing.Output.ReportJson.ToJsonLine(DisclosurePipeline.Default.Audit(f))));
    }

    private sealed class Recorder(List<BatchProgress> into) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value)
        {
            lock (into)
            {
                into.Add(value);
            }
        }
    }

    /// <summary>Reads ".hang" files by waiting for the test to end (or for a while), never looking at the token.</summary>
    private sealed class HangingReader(ManualResetEventSlim release, TimeSpan? after) : IDocumentReader
    {
        public string Format => "hang";

        public IReadOnlyCollection<string> Extensions { get; } = [".hang"];

        public int Sniff(ReadOnlySpan<byte> head) => head.StartsWith("HANG"u8) ? 100 : 0;

        public LayoutDocument Read(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
        {
            release.Wait(after ?? Timeout.InfiniteTimeSpan);
            throw new DocumentReadException(FailureKind.Corrupt, "released");
        }
    }
}
