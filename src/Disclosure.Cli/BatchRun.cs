using System.Diagnostics;
using System.Text;
using Disclosure.Cli.Sinks;
using Disclosure.Parsing;
using Disclosure.Parsing.Batch;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.CrossYear;

namespace Disclosure.Cli;

/// <summary>What 'disclosure audit' was asked to do.</summary>
internal sealed record BatchRequest(
    IReadOnlyList<string> Paths,
    string Format,
    string? Output,
    AuditOptions Options,
    bool CrossYear,
    Shard? Shard,
    bool Resume,
    BatchOptions Batch);

/// <summary>
/// 'disclosure audit': lists the files, hands them to the library's batch engine, writes each result to the chosen
/// sink as it comes (in input order), shows progress on a terminal and a summary at the end. A thin shell: limits,
/// ordering, workers and sharding are the engine's.
/// </summary>
internal sealed class BatchRun(BatchRequest request, TextWriter stdout, TextWriter stderr, bool interactive, CancellationToken cancellationToken = default)
{
    public int Run()
    {
        var all = BatchFiles.Enumerate(request.Paths);
        if (all.Count == 0)
        {
            stderr.WriteLine($"no report documents ({string.Join(", ", BatchFiles.DocumentExtensions.Order(StringComparer.Ordinal))}) under {string.Join(", ", request.Paths)}");
            return DisclosureCommand.Unreadable;
        }

        var files = request.Shard is { } shard ? all.Where(f => shard.Contains(f.RelativePath)).ToList() : all;
        var pipeline = new DisclosurePipelineBuilder { AuditOptions = request.Options }.UseDefaultReaders().UseCoreRules().Build();
        var crossYear = request.CrossYear ? new CrossYearPass(pipeline) : null;

        if (request.Resume && (request.Output is null || request.Format != "jsonl"))
        {
            stderr.WriteLine("--resume needs -o FILE and --format jsonl: it appends to the results already in FILE");
            return DisclosureCommand.Unreadable;
        }

        var skipped = 0;
        if (request.Resume)
        {
            try
            {
                var done = JsonLinesResults.PrepareResume(request.Output!, crossYear is null ? null : crossYear.AddJsonLine);
                var before = files.Count;
                files = files.Where(f => !done.Contains(f.Path)).ToList();
                skipped = before - files.Count;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"cannot resume: {e.Message}");
                return DisclosureCommand.Unreadable;
            }
        }

        TextWriter sinkWriter;
        try
        {
            sinkWriter = request.Output is null ? stdout : OpenOutput(request.Output, request.Resume);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"cannot write to {request.Output}: {e.Message}");
            return DisclosureCommand.Unreadable;
        }

        try
        {
            using var sink = Sink(request.Format, sinkWriter);
            return Audit(pipeline, files, sink, crossYear, skipped);
        }
        catch (IOException e)
        {
            // A full disk or a closed pipe: the results so far are whole lines; say why the rest are not there.
            stderr.WriteLine($"cannot write the results{(request.Output is null ? string.Empty : " to " + request.Output)}: {e.Message}");
            return DisclosureCommand.Unreadable;
        }
        finally
        {
            if (!ReferenceEquals(sinkWriter, stdout))
            {
                try
                {
                    sinkWriter.Dispose();
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private int Audit(DisclosurePipeline pipeline, IReadOnlyList<BatchFile> files, IResultSink sink, CrossYearPass? crossYear, int skipped)
    {
        var summary = new BatchSummary();
        var clock = Stopwatch.StartNew();
        var progress = interactive ? new ProgressLine(stderr, TerminalWidth()) : null;
        var interrupted = false;
        var auditor = new BatchAuditor(pipeline, request.Batch);
        try
        {
            foreach (var result in auditor.AuditAsync(files.Select(static f => f.Path).ToList(), progress, cancellationToken).ToBlockingEnumerable(cancellationToken))
            {
                sink.Add(result);
                summary.Add(result);
                crossYear?.Add(result);
                if (result.Error is not null && result.ErrorKind != FailureKind.NotAReport && request.Format != "text")
                {
                    // Pages that are not reports are most of a crawl: counted in the summary, not listed one by one.
                    Note($"{result.File}: {result.Error}", progress);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
        }

        progress?.Dispose();
        if (crossYear is not null && !interrupted)
        {
            foreach (var pair in crossYear.Compare())
            {
                sink.AddCrossYear(pair);
                summary.AddFindings(pair.Findings);
            }
        }

        sink.Complete();
        stderr.Write(BatchSummaryText.Render(summary, clock.Elapsed, skipped));
        if (interrupted)
        {
            stderr.WriteLine("interrupted: the results written so far are whole; run again with --resume to go on");
            return 130;
        }

        return summary.UnreadableCount > 0 ? DisclosureCommand.Unreadable : summary.WithErrors > 0 ? DisclosureCommand.Findings : DisclosureCommand.Clean;
    }

    private void Note(string line, ProgressLine? progress)
    {
        if (progress is null)
        {
            stderr.WriteLine(line);
        }
        else
        {
            progress.WriteAbove(line);
        }
    }

    internal static IResultSink Sink(string format, TextWriter writer) => format switch
    {
        "jsonl" => new JsonLinesSink(writer),
        "csv" => new CsvSink(writer),
        "csv-findings" => new CsvFindingsSink(writer),
        "sarif" => new SarifSink(writer, DisclosureCommand.ToolVersion),
        _ => new TextSink(writer),
    };

    /// <summary>
    /// The output file: written straight through (no buffer of the file stream's own, a line written whole reaches the file
    /// in one write), appended to when resuming. A missing directory is the user's to create, and said so.
    /// </summary>
    internal static StreamWriter OpenOutput(string path, bool append)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new IOException($"the directory {directory} does not exist");
        }

        var stream = new FileStream(path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        return new StreamWriter(stream, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 120;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return 120;
        }
    }
}
