using System.Diagnostics;
using Disclosure.Parsing.Batch;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Tests.Batch;

/// <summary>
/// The worker-process side of the engine against workers that misbehave on purpose (small shell programs): one that
/// hangs is killed at the limit, one that dies costs one file, and the batch goes on with a fresh worker each time.
/// </summary>
[TestFixture]
public sealed class ProcessWorkerTests
{
    private static readonly string[] Files = ["a.html", "b.html", "c.html", "d.html"];

    private static List<AuditResult> Run(string script, TimeSpan timeout) =>
        new BatchAuditor(DisclosurePipeline.Default, new BatchOptions
            {
                FileTimeout = timeout,
                MaxParallelism = 2,
                WorkerProcess = new WorkerProcessOptions("/bin/sh", ["-c", script]) { MemoryBudgetBytes = null },
            })
            .AuditAsync(Files).ToBlockingEnumerable().ToList();

    // Answers each request with a result for the file asked for; the request is the file's path as a JSON string, the
    // answer the result in the worker protocol's JSON (enums as numbers: 8 is FailureKind.Corrupt).
    private const string Answer = """while read -r f; do printf '{"file":%s,"format":"html","findings":[],"error":"read by the fake worker","errorKind":8}\n' "$f"; done""";

    [Test]
    public void AWorkerAnswersOneLinePerFile()
    {
        var results = Run(Answer, TimeSpan.FromSeconds(10));

        results.Select(static r => r.File).Should().Equal(Files);
        results.Should().OnlyContain(static r => r.Error == "read by the fake worker" && r.ErrorKind == FailureKind.Corrupt);
    }

    [Test]
    public void AWorkerThatHangsIsKilledAtTheLimitAndTheNextFileGetsAFreshOne()
    {
        // Hangs on b.html only; answers the rest.
        var script = """while read -r f; do case "$f" in *b.html*) sleep 600;; esac; printf '{"file":%s,"findings":[],"error":"ok"}\n' "$f"; done""";

        var clock = Stopwatch.StartNew();
        var results = Run(script, TimeSpan.FromSeconds(1));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
        results.Select(static r => r.ErrorKind).Should().Equal(null, FailureKind.TimedOut, null, null);
        results.Where(static r => r.ErrorKind == null).Should().OnlyContain(static r => r.Error == "ok");
    }

    [Test]
    public void AWorkerThatDiesCostsOneFile()
    {
        // Dies, saying so on standard error, when asked for c.html.
        var script = """while read -r f; do case "$f" in *c.html*) echo 'Stack overflow.' >&2; kill -9 $$;; esac; printf '{"file":%s,"findings":[],"error":"ok"}\n' "$f"; done""";

        var results = Run(script, TimeSpan.FromSeconds(10));

        results.Select(static r => r.ErrorKind).Should().Equal(null, null, FailureKind.Crashed, null);
        results[2].Error.Should().Contain("overflowed its stack").And.Contain("the batch went on");
    }

    [Test]
    public void AWorkerThatCannotStartGivesEveryFileAnErrorNotAnException()
    {
        var results = new BatchAuditor(DisclosurePipeline.Default, new BatchOptions
            {
                WorkerProcess = new WorkerProcessOptions("/nonexistent/disclosure", []),
            })
            .AuditAsync(Files).ToBlockingEnumerable().ToList();

        results.Should().HaveCount(Files.Length).And.OnlyContain(static r => r.ErrorKind == FailureKind.InternalError);
    }
}
