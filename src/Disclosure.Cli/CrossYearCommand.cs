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
                ? Directory.EnumerateFiles(p, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[p])
            .ToList();
        if (files.Count == 0)
        {
            stderr.WriteLine($"no result files (.jsonl) under {string.Join(", ", inputs)}");
            return DisclosureCommand.Unreadable;
        }

        foreach (var file in files)
        {
            try
            {
                JsonLinesResults.ReadLines(file, pass.AddJsonLine);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                stderr.WriteLine($"{file}: not a result file of 'disclosure audit --format jsonl': {e.Message}");
                return DisclosureCommand.Unreadable;
            }
        }

        TextWriter writer;
        try
        {
            writer = output is null ? stdout : BatchRun.OpenOutput(output, append: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"cannot write to {output}: {e.Message}");
            return DisclosureCommand.Unreadable;
        }

        var (pairs, findings, errors) = (0, 0, false);
        using (var sink = BatchRun.Sink(format, writer))
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

        if (!ReferenceEquals(writer, stdout))
        {
            writer.Dispose();
        }

        stderr.WriteLine($"{pass.Count} report(s) of {files.Count} result file(s): {pairs} pair(s) of consecutive years compared, {findings} finding(s)");
        return errors ? DisclosureCommand.Findings : DisclosureCommand.Clean;
    }
}
