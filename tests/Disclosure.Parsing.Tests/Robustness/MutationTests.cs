using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Tests.Robustness;

/// <summary>
/// Damaged input costs only itself: thousands of mutants of the fixtures, each read under a watchdog, each must come back
/// as exactly one result, in time, never as an internal error, and a corrupt one must say what is wrong in plain words.
/// <c>DISCLOSURE_MUTANTS=50000</c> runs more, <c>DISCLOSURE_MUTANT_SEED</c> draws others, <c>DISCLOSURE_MUTANT=i</c>
/// reruns one, <c>DISCLOSURE_MUTANT_DUMP=dir</c> writes the failing ones there.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class MutationTests
{
    private const int DefaultCount = 3000;

    private static int Count => Setting("DISCLOSURE_MUTANTS") ?? DefaultCount;

    private static int Seed => Setting("DISCLOSURE_MUTANT_SEED") ?? 20240601;

    /// <summary>Reports read in tens of milliseconds; the limit is generous for a loaded two-core machine.</summary>
    private static TimeSpan Limit => TimeSpan.FromSeconds(Setting("DISCLOSURE_MUTANT_SECONDS") ?? 20);

    [Test]
    public async Task EveryMutantComesBackAsOneResultInTimeAndNoneAsADefect()
    {
        IEnumerable<int> indexes = Setting("DISCLOSURE_MUTANT") is { } one ? [one] : Enumerable.Range(0, Count);
        var failures = new ConcurrentBag<string>();
        var kinds = new ConcurrentDictionary<string, int>();
        var slowest = new ConcurrentBag<(TimeSpan Time, string Name)>();
        var results = 0;
        var watch = Stopwatch.StartNew();

        // A stack overflow kills the test host without naming the mutant: the mutants in flight are kept in a file.
        var journalPath = Path.Combine(TestContext.CurrentContext.WorkDirectory, "mutants-in-flight.txt");
        using var journal = new StreamWriter(journalPath) { AutoFlush = true };
        void Note(string line)
        {
            lock (journal)
            {
                journal.WriteLine(line);
            }
        }

        await Parallel.ForEachAsync(indexes, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (index, _) =>
        {
            var mutant = MutantCorpus.Make(index, Seed);
            Note($"start {mutant}");
            if (Setting("DISCLOSURE_MUTANT") is not null)
            {
                // One mutant asked for by number is written out whether it fails or not, to be looked at.
                Dump(mutant);
            }

            using var cancel = new CancellationTokenSource();
            var timer = Stopwatch.StartNew();
            var audit = Task.Run(() => DisclosurePipeline.Default.Audit(mutant.Content, mutant.Name, cancel.Token), CancellationToken.None);
            AuditResult result;
            try
            {
                result = await audit.WaitAsync(Limit, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                await cancel.CancelAsync();
                Fail(mutant, $"no result after {Limit.TotalSeconds:0} s (hangs)");
                return;
            }
            catch (Exception e)
            {
                Fail(mutant, $"threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                return;
            }

            Note($"end #{index}");
            Interlocked.Increment(ref results);
            slowest.Add((timer.Elapsed, mutant.ToString()));
            kinds.AddOrUpdate(result.ErrorKind is { } k ? FailureKinds.Name(k) : result.Problems.Count > 0 ? "read in part" : "read", 1, static (_, n) => n + 1);
            if (result.File != mutant.Name)
            {
                Fail(mutant, $"the result names {result.File}");
            }

            if (result.ErrorKind == FailureKind.InternalError)
            {
                Fail(mutant, $"internal error: {result.Error}");
            }
            else if (result.ErrorKind is not null && result.Error is null or "")
            {
                Fail(mutant, $"{result.ErrorKind} without a message");
            }
            else if (result.ErrorKind == FailureKind.Corrupt && PlainWords.Problem(result.Error!) is { } problem)
            {
                Fail(mutant, $"corrupt, but {problem}: {result.Error}");
            }
        });

        void Fail(Mutant mutant, string why)
        {
            failures.Add($"{mutant}: {why}");
            Dump(mutant);
        }

        var total = indexes.Count();
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{total} mutants in {watch.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", kinds.OrderByDescending(static k => k.Value).Select(static k => $"{k.Key} {k.Value}"))}"));
        foreach (var (time, name) in slowest.OrderByDescending(static s => s.Time).Take(5))
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slowest: {time.TotalMilliseconds:0} ms {name}"));
        }

        // Where the time goes, by the way mutants were made (the name's "-kind." part).
        foreach (var group in slowest.GroupBy(static s => KindOf(s.Name)).OrderByDescending(static g => g.Sum(static s => s.Time.TotalMilliseconds)).Take(12))
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key}: {group.Count()} mutants, {group.Sum(static s => s.Time.TotalMilliseconds) / 1000:0.0} s, at most {group.Max(static s => s.Time.TotalMilliseconds):0} ms"));
        }

        var sorted = failures.OrderBy(static f => f, StringComparer.Ordinal).ToList();
        foreach (var failure in sorted)
        {
            TestContext.Out.WriteLine("  FAILED " + failure);
        }

        sorted.Should().BeEmpty();
        results.Should().Be(total, "every mutant gets exactly one result");
    }

    private static void Dump(Mutant mutant)
    {
        if (Environment.GetEnvironmentVariable("DISCLOSURE_MUTANT_DUMP") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            File.WriteAllBytes(Path.Combine(dump, mutant.Name), mutant.Content);
        }
    }

    private static string KindOf(string mutant)
    {
        // "#12 name.m12-kind.ext (n bytes)": format by extension, then kind.
        var name = mutant.Split(' ')[1];
        var kind = name[(name.IndexOf('-', name.LastIndexOf(".m", StringComparison.Ordinal)) + 1)..];
        return kind.Contains('.', StringComparison.Ordinal) ? $"{kind[(kind.IndexOf('.', StringComparison.Ordinal) + 1)..]} {kind[..kind.IndexOf('.', StringComparison.Ordinal)]}" : kind;
    }

    private static int? Setting(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
