using Disclosure.Cli.Sinks;
using Disclosure.Parsing;
using Disclosure.Parsing.Batch;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.CrossYear;

namespace Disclosure.Cli;

/// <summary>
/// 'disclosure cross-year': the cross-year rules as a second pass over result files written before, by one machine or
/// by many (the parts of a sharded run): keeps of each report only agency, year and the cells the rules read.
/// </summary>
internal static class CrossYearCommand
{
    public static int Run(IReadOnlyList<string> inputs, string format, string? output, AuditOptions options, TextWriter stdout, TextWriter stderr)
    {
        var pipeline = new DisclosurePipelineBuilder { AuditOptions = options }.UseDefaultReaders().UseCoreRules().Build();
        var pass = new CrossYearPass(pipeline);
        var files = inputs.SelectMany(static p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories)
                    .Where(static f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[p])
            .ToList();
        if (files.Count == 0)
        {
            stderr.WriteLine($"no result files (.jsonl, .parquet) under {string.Join(", ", inputs)}");
            return DisclosureCommand.Unreadable;
        }

        foreach (var file in files)
        {
            try
            {
                if (file.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
                {
                    ParquetReportsReader.ReadInto(file, pass);
                }
                else
                {
                    JsonLinesResults.ReadLines(file, pass.AddJsonLine);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException
                                          or NotSupportedException or Parquet.ParquetException)
            {
                stderr.WriteLine($"{file}: not a result file of 'disclosure audit' (--format jsonl, or parquet without --findings): {e.Message}");
                return DisclosureCommand.Unreadable;
            }
        }

        var parquet = format.StartsWith("parquet", StringComparison.Ordinal);
        if (parquet && output is null)
        {
            stderr.WriteLine("--format parquet needs -o FILE");
            return DisclosureCommand.Unreadable;
        }

        TextWriter? writer = null;
        IResultSink sink;
        try
        {
            writer = parquet ? null : output is null ? stdout : BatchRun.OpenOutput(output, append: false);
            sink = BatchRun.Sink(format, writer, output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"cannot write to {output}: {e.Message}");
            return DisclosureCommand.Unreadable;
        }

        var (pairs, findings, errors) = (0, 0, false);
        using (sink)
        {
            foreach (var pair in pass.Compare())
            {
                sink.AddCrossYear(pair);
                pairs++;
                findings += pair.Findings.Count;
                errors |= pair.Findings.Any(static f => f.Severity == Disclosure.Parsing.Model.Severity.Error);
            }

            sink.Complete();
        }

        if (writer is not null && !ReferenceEquals(writer, stdout))
        {
            writer.Dispose();
        }

        stderr.WriteLine($"{pass.Count} report(s) of {files.Count} result file(s): {pairs} pair(s) of consecutive years compared, {findings} finding(s)");
        return errors ? DisclosureCommand.Findings : DisclosureCommand.Clean;
    }
}
