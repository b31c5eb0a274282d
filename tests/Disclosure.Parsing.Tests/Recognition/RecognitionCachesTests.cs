using System.Collections.Concurrent;
using Disclosure.Parsing.Output;
using Disclosure.Parsing.Recognition;

namespace Disclosure.Parsing.Tests.Recognition;

[TestFixture]
public sealed class RecognitionCachesTests
{
    private static string[] Reports() =>
        [.. new[] { "html", "text", "docx" }.SelectMany(static f => Directory.GetFiles(Path.Combine(TestPaths.TestData, f)))
            .Where(static p => !p.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static DisclosurePipeline NewPipeline() => new DisclosurePipelineBuilder().UseDefaultReaders().UseCoreRules().Build();

    [Test]
    public void TwoPipelinesShareNoCache()
    {
        var first = NewPipeline();
        var second = NewPipeline();

        first.Audit(Path.Combine(TestPaths.TestData, "html", "plain.html")).Report.Should().NotBeNull();

        first.Caches.Count.Should().BeGreaterThan(0, "the pipeline that recognised a report remembers its labels");
        second.Caches.Count.Should().Be(0, "another pipeline has caches of its own, untouched by the first one's work");
    }

    [Test]
    public void APipelineRemembersWhatItRecognisesInItsOwnCaches()
    {
        var pipeline = NewPipeline();
        var layout = pipeline.ReadLayout(File.ReadAllBytes(Path.Combine(TestPaths.TestData, "html", "plain.html")), "plain.html");

        pipeline.Recognize(layout);

        pipeline.Caches.Count.Should().BeGreaterThan(0, "recognising through a pipeline uses the pipeline's caches");
        pipeline.Caches.Tables.Should().HaveCount(TableTemplate.All.Count);
    }

    [Test]
    public void ResultsAreTheSameAcrossThreadsAsOneByOne()
    {
        var files = Reports();
        files.Should().HaveCountGreaterThan(10);
        var expected = files.Select(f => ReportJson.ToJsonLine(NewPipeline().Audit(f))).ToArray();

        // One pipeline shared by several threads, each document audited four times over, its caches small enough
        // to turn over many times while the threads look labels up.
        var builder = new DisclosurePipelineBuilder().UseDefaultReaders().UseCoreRules();
        var shared = new DisclosurePipeline(
            builder.Readers, builder.Rules, builder.PairRules, builder.AuditOptions, builder.MaxDocumentBytes, new RecognitionCaches(capacity: 8));
        var actual = new ConcurrentDictionary<int, string>();
        Parallel.For(0, files.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var f = i % files.Length;
            var line = ReportJson.ToJsonLine(shared.Audit(files[f]));
            actual.AddOrUpdate(f, line, (_, before) => before == line ? line : "differs between runs");
        });

        actual.OrderBy(static a => a.Key).Select(static a => a.Value).Should().Equal(expected);
    }

    [Test]
    public void SmallCachesRecogniseAsLargeOnes()
    {
        // Eviction changes what is remembered, never what is recognised.
        foreach (var file in Reports().Where(static f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var layout = DisclosurePipeline.Default.ReadLayout(File.ReadAllBytes(file), file);
            var small = ReportRecognizer.Recognize(layout, new RecognitionCaches(capacity: 2), out _);
            var large = ReportRecognizer.Recognize(layout, new RecognitionCaches(), out _);
            ReportJson.ToJsonLine(new Disclosure.Parsing.Model.AuditResult(file, "html", small, [], null))
                .Should().Be(ReportJson.ToJsonLine(new Disclosure.Parsing.Model.AuditResult(file, "html", large, [], null)), file);
        }
    }
}
