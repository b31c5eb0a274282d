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
internal sealed class BatchRun(BatchRequest request, TextWriter stdout, TextWriter stderr, bool interactive, CancellationToken cancellationToken = default, Func<Stream>? stdin = null)
{
    public int Run()
    {
        var fromStdin = request.Paths.Contains(DisclosureCommand.StandardInput);
        if (fromStdin && (request.Paths.Count > 1 || request.Resume || request.Shard is not null))
        {
            stderr.WriteLine("- reads one document from standard input: give it alone, without --resume or --shard");
            return DisclosureCommand.Unreadable;
        }

        IReadOnlyList<BatchFile> all = fromStdin ? [new BatchFile(DisclosureCommand.StandardInput, DisclosureCommand.StandardInput)] : BatchFiles.Enumerate(request.Paths);
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

        if (IsParquet(request.Format) && request.Output is null)
        {
            stderr.WriteLine("--format parquet needs -o FILE: a Parquet file is written to a file, not to standard output");
            return DisclosureCommand.Unreadable;
        }

        TextWriter? sinkWriter = null;
        IResultSink sink;
        try
        {
            sinkWriter = IsParquet(request.Format) || request.Format == "site" ? null : request.Output is null ? stdout : OpenOutput(request.Output, request.Resume);
            sink = Sink(request.Format, sinkWriter, request.Output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"cannot write to {request.Output}: {e.Message}");
            return DisclosureCommand.Unreadable;
        }

        try
        {
            using (sink)
            {
                return Audit(pipeline, files, sink, crossYear, skipped);
            }
        }
        catch (IOException e)
        {
            // A full disk or a closed pipe: the results so far are whole lines; say why the rest are not there.
            stderr.WriteLine($"cannot write the results{(request.Output is null ? string.Empty : " to " + request.Output)}: {e.Message}");
            return DisclosureCommand.Unreadable;
        }
        finally
        {
            if (sinkWriter is not null && !ReferenceEquals(sinkWriter, stdout))
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
        IEnumerable<AuditResult> results = stdin is not null && files is [{ Path: DisclosureCommand.StandardInput }]
            ? [DisclosureCommand.AuditStandardInput(pipeline, stdin)]
            : auditor.AuditAsync(files.Select(static f => f.Path).ToList(), progress, cancellationToken).ToBlockingEnumerable(cancellationToken);
        try
        {
            foreach (var result in results)
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

    private static bool IsParquet(string format) => format.StartsWith("parquet", StringComparison.Ordinal);

    /// <summary>The sink of a format: text formats write to <paramref name="writer"/>, Parquet to the file at <paramref name="path"/>.</summary>
    internal static IResultSink Sink(string format, TextWriter? writer, string? path) => format switch
    {
        "parquet" => new ParquetReportsSink(CheckedPath(path!)),
        "site" => new SiteSink(path!),
        "parquet-findings" => new ParquetFindingsSink(CheckedPath(path!)),
        "jsonl" => new JsonLinesSink(writer!),
        "csv" => new CsvSink(writer!),
        "csv-findings" => new CsvFindingsSink(writer!),
        "sarif" => new SarifSink(writer!, DisclosureCommand.ToolVersion),
        _ => new TextSink(writer!),
    };

    private static string CheckedPath(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        return directory is not null && !Directory.Exists(directory) ? throw new IOException($"the directory {directory} does not exist") : path;
    }

    /// <summary>
    /// The output file: written straight through (no buffer of the file stream's own, a line written whole reaches the file
    /// in one write), appended to when resuming. A missing directory is the user's to create, and said so.
    /// </summary>
    internal static StreamWriter OpenOutput(string path, bool append)
    {
        var stream = new FileStream(CheckedPath(path), append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
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
