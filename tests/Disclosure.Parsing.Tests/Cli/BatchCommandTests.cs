using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Cli;

namespace Disclosure.Parsing.Tests.Cli;

/// <summary>'disclosure audit' as an unattended batch: shards, resume after a kill, progress and summary, cross-year parts.</summary>
[TestFixture]
public sealed class BatchCommandTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "disclosure-batch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static (int Status, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var status = DisclosureCommand.Run(args, stdout, stderr);
        return (status, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A crawl-like tree: every fixture, twice, in nested folders.</summary>
    private string Crawl(int copies = 2)
    {
        var root = Path.Combine(_dir, "crawl");
        var sources = Directory.EnumerateFiles(TestPaths.TestData, "*", SearchOption.AllDirectories)
            .Where(static f => !f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        for (var c = 0; c < copies; c++)
        {
            foreach (var f in sources)
            {
                var to = Path.Combine(root, $"site{c}", Path.GetRelativePath(TestPaths.TestData, f));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(f, to);
            }
        }

        return root;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string FileOf(string line) => JsonNode.Parse(line)!["file"]!.GetValue<string>();

    [Test]
    public void ShardsAreDisjointAndTogetherGiveTheWholeRun()
    {
        var crawl = Crawl();
        var whole = Lines(Run("audit", "--format", "jsonl", crawl).Out);

        var parts = Enumerable.Range(0, 3).Select(k => Lines(Run("audit", "--format", "jsonl", "--shard", $"{k}/3", crawl).Out)).ToList();

        parts.Should().OnlyContain(static p => p.Length > 0);
        parts.SelectMany(static p => p).Select(FileOf).Should().OnlyHaveUniqueItems();
        parts.SelectMany(static p => p).Should().BeEquivalentTo(whole, "every file is in exactly one part, with the same result");
    }

    [Test]
    public void ResumeAfterAKillGivesTheLinesOfOneUninterruptedRun()
    {
        var crawl = Crawl(copies: 3);
        var whole = Path.Combine(_dir, "whole.jsonl");
        Run("audit", "--format", "jsonl", "-o", whole, crawl).Status.Should().NotBe(DisclosureCommand.Unreadable + 1);

        // A real run, killed (SIGKILL, no chance to tidy up) once some results are out.
        var killed = Path.Combine(_dir, "killed.jsonl");
        using (var process = Cli.Start("audit", "--format", "jsonl", "-o", killed, crawl))
        {
            var clock = Stopwatch.StartNew();
            while (!process.HasExited && (!File.Exists(killed) || new FileInfo(killed).Length < 20_000) && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(10);
            }

            process.HasExited.Should().BeFalse("the batch must still be running when it is killed");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var before = File.ReadAllText(killed);
        Lines(before).Length.Should().BeLessThan(Lines(File.ReadAllText(whole)).Length);

        var (_, _, err) = Run("audit", "--format", "jsonl", "-o", killed, "--resume", crawl);

        File.ReadAllText(killed).Should().Be(File.ReadAllText(whole));
        err.Should().Contain("already in the output");
    }

    [TestCase(1)]
    [TestCase(2000)]
    [TestCase(7000)]
    public void ResumeDropsALineCutShortAndAppendsTheRest(int cutAt)
    {
        var crawl = Crawl(copies: 1);
        var whole = Path.Combine(_dir, "whole.jsonl");
        Run("audit", "--format", "jsonl", "-o", whole, crawl);
        var bytes = File.ReadAllBytes(whole);

        // What a kill in the middle of writing the third line would leave.
        var lineEnds = bytes.Select(static (b, i) => (b, i)).Where(static x => x.b == '\n').Select(static x => x.i).ToList();
        var cut = Math.Min(lineEnds[1] + cutAt, lineEnds[2]);
        var partial = Path.Combine(_dir, "partial.jsonl");
        File.WriteAllBytes(partial, bytes[..cut]);

        Run("audit", "--format", "jsonl", "-o", partial, "--resume", crawl);

        File.ReadAllBytes(partial).Should().Equal(bytes);
    }

    [Test]
    public void ResumeWantsJsonLinesInAFile()
    {
        Run("audit", "--resume", TestPaths.TestData).Status.Should().Be(DisclosureCommand.Unreadable);
        Run("audit", "--resume", "--format", "csv", "-o", Path.Combine(_dir, "x.csv"), TestPaths.TestData).Err.Should().Contain("--format jsonl");
    }

    [TestCase("text")]
    [TestCase("jsonl")]
    [TestCase("csv")]
    [TestCase("sarif")]
    public void EveryFormatEndsWithASummaryOnStandardError(string format)
    {
        var (_, output, err) = Run("audit", "--format", format, Path.Combine(TestPaths.TestData, "html"), Path.Combine(TestPaths.TestData, "pdf"));

        err.Should().MatchRegex(@"\d+ file\(s\) in [0-9.]+ s .*: \d+ clean, \d+ with warnings only, \d+ with errors, 1 unreadable\n");
        err.Should().Contain("unreadable: 1 encrypted").And.Contain("findings by rule: CELL001 ");
        output.Should().NotContain("file(s) in", "the summary is not part of the data");
    }

    [Test]
    public void TheProgressLineShowsOnATerminalAndNotInAPipe()
    {
        var crawl = Crawl(copies: 2);
        var tool = Cli.CommandLine("audit", "--format", "jsonl", "-o", Path.Combine(_dir, "out.jsonl"), crawl);

        // script(1) gives the command a pseudo-terminal, as a person's shell would; what it printed lands in the log.
        var log = Path.Combine(_dir, "terminal.log");
        using (var onTerminal = Process.Start(new ProcessStartInfo("script", ["-qfec", tool, log]) { RedirectStandardOutput = true, RedirectStandardInput = true })!)
        {
            onTerminal.StandardOutput.ReadToEnd();
            onTerminal.WaitForExit();
        }

        var terminal = File.ReadAllText(log);
        terminal.Should().MatchRegex(@"\r\d+/\d+ files · [0-9.]+ files/s", "a progress line redrawn in place");
        terminal.Should().Contain("\u001b[K").And.Contain("file(s) in");

        using var piped = Cli.Start("audit", "--format", "jsonl", "-o", Path.Combine(_dir, "out2.jsonl"), crawl);
        var err = piped.StandardError.ReadToEnd();
        piped.WaitForExit();
        err.Should().Contain("file(s) in").And.NotContain("\r").And.NotContain("\u001b", "standard error is not a terminal");
    }

    [Test]
    public void CrossYearOverThePartsOfAShardedRunFindsWhatOneRunFinds()
    {
        for (var year = 2021; year <= 2024; year++)
        {
            var report = Fixtures.SyntheticReport.Consistent(year);
            report.Year = year;
            File.WriteAllText(Path.Combine(_dir, $"r{year}.txt"), Fixtures.ReportRenderer.CellPerLineText(report));
        }

        var one = Run("audit", "--format", "jsonl", "--cross-year", _dir).Out;
        var parts = Enumerable.Range(0, 2).Select(k => Path.Combine(_dir, $"part-{k}.jsonl")).ToList();
        for (var k = 0; k < parts.Count; k++)
        {
            Run("audit", "--format", "jsonl", "--shard", $"{k}/2", "-o", parts[k], _dir);
        }

        var second = Run(["cross-year", "--format", "jsonl", .. parts]);

        var crossYearLines = Lines(one).Where(static l => l.Contains("\"crossYear\"")).ToList();
        crossYearLines.Should().HaveCount(3, "2021-2022, 2022-2023 and 2023-2024").And.Contain(static l => l.Contains("XYR001"));
        Lines(second.Out).Should().Equal(crossYearLines);
        second.Err.Should().Contain("3 pair(s)");
    }

    [Test]
    public async Task ParquetTablesComeThroughTheCommand()
    {
        var html = Path.Combine(TestPaths.TestData, "html");
        var lines = Lines(Run("audit", "--format", "jsonl", html).Out).Select(static l => JsonNode.Parse(l)!).ToList();
        var reports = Path.Combine(_dir, "reports.parquet");
        var findings = Path.Combine(_dir, "findings.parquet");

        Run("audit", "--format", "parquet", "-o", reports, html);
        Run("audit", "--format", "parquet", "--findings", "-o", findings, html);

        var table = await ParquetFile.ReadAsync(reports, "file", "requests.new.total");
        table["file"].Should().Equal(lines.Select(static l => (object?)l["file"]!.GetValue<string>()));
        table["requests.new.total"].Should().Equal(lines.Select(static l => (object?)(long?)l["cells"]?["requests.new.total"]?["value"]?.GetValue<decimal>()));
        (await ParquetFile.ReadAsync(findings, "rule"))["rule"].Should()
            .Equal(lines.SelectMany(static l => l["findings"]!.AsArray()).Select(static f => (object?)f!["ruleId"]!.GetValue<string>()));
        Run("audit", "--format", "parquet", html).Err.Should().Contain("needs -o FILE");
    }

    [Test]
    public void CrossYearReadsParquetPartsAsItReadsJsonLines()
    {
        for (var year = 2022; year <= 2024; year++)
        {
            var report = Fixtures.SyntheticReport.Consistent(year);
            report.Year = year;
            File.WriteAllText(Path.Combine(_dir, $"r{year}.txt"), Fixtures.ReportRenderer.CellPerLineText(report));
        }

        var jsonl = Path.Combine(_dir, "all.jsonl");
        Run("audit", "--format", "jsonl", "-o", jsonl, _dir);
        for (var k = 0; k < 2; k++)
        {
            Run("audit", "--format", "parquet", "--shard", $"{k}/2", "-o", Path.Combine(_dir, $"reports-{k}.parquet"), _dir);
        }

        var fromJson = Run("cross-year", "--format", "csv", jsonl).Out;
        var fromParquet = Run("cross-year", "--format", "csv", Path.Combine(_dir, "reports-0.parquet"), Path.Combine(_dir, "reports-1.parquet")).Out;

        fromParquet.Should().Be(fromJson).And.Contain("XYR001");
    }

    [Test]
    public void ADamagedPageIsNamedInEveryOutputOfItsFile()
    {
        var original = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "pdf", "ruled_three_pages_repeated_header.pdf"));
        var damaged = Path.Combine(_dir, "damaged.pdf");
        File.WriteAllBytes(damaged, Fixtures.DamagedPdf.Break(original, Fixtures.PageDamage.GarbledInstructions, 2));

        var json = JsonNode.Parse(Run("audit", "--format", "jsonl", damaged).Out)!;
        var text = Run("audit", damaged).Out;

        json["problems"]!.AsArray().Select(static p => p!.GetValue<string>()).Should().ContainSingle().Which.Should().StartWith("page 2 ");
        text.Should().Contain("\n  ! page 2 ");
        JsonNode.Parse(Run("audit", "--format", "jsonl", Path.Combine(TestPaths.TestData, "html", "plain.html")).Out)!["problems"]!.AsArray().Should().BeEmpty();
    }

    [Test]
    public void WorkerProcessesAndThisProcessGiveTheSameResults()
    {
        var inWorkers = Run("audit", "--format", "jsonl", TestPaths.TestData).Out;
        var here = Run("audit", "--format", "jsonl", "--in-process", TestPaths.TestData).Out;

        inWorkers.Should().Be(here);
        Lines(inWorkers).Should().HaveCount(Lines(here).Length).And.HaveCountGreaterThan(20);
    }

    [Test]
    public void ADirectoryWithoutDocumentsIsAnErrorNotAnEmptyRun()
    {
        File.WriteAllText(Path.Combine(_dir, "notes.md"), "nothing here");

        var (status, _, err) = Run("audit", _dir);

        status.Should().Be(DisclosureCommand.Unreadable);
        err.Should().Contain("no report documents");
    }

    [Test]
    public void AnOutputInAMissingDirectoryIsOneClearLine()
    {
        var (status, _, err) = Run("audit", "-o", Path.Combine(_dir, "no", "such", "out.jsonl"), Path.Combine(TestPaths.TestData, "html", "plain.html"));

        status.Should().Be(DisclosureCommand.Unreadable);
        err.Trim().Should().StartWith("cannot write to").And.Contain("does not exist").And.NotContain("\n   at ");
    }

    /// <summary>The command as users run it: its own process, the build next to the tests.</summary>
    internal static class Cli
    {
        private static string Dll => Path.Combine(AppContext.BaseDirectory, "disclosure.dll");

        public static Process Start(params string[] args)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(Dll);
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }

            return Process.Start(info)!;
        }

        /// <summary>The command as one shell line, for script(1).</summary>
        public static string CommandLine(params string[] args) =>
            string.Join(' ', new[] { "dotnet", Dll }.Concat(args).Select(static a => "'" + a.Replace("'", "'\\''") + "'"));
    }
}
