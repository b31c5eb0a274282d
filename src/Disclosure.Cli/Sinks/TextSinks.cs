using System.Text;
using Disclosure.Cli.Formatting;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Output;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.CrossYear;

namespace Disclosure.Cli.Sinks;

/// <summary>
/// JSON Lines in the contract's shape: one line per file, written whole and flushed at once, so a run killed at any
/// moment leaves whole lines behind (a line cut by the kill itself is dropped by <c>--resume</c>). Cross-year lines follow.
/// </summary>
internal sealed class JsonLinesSink(TextWriter output) : IResultSink
{
    public void Add(AuditResult result) => WriteLine(ReportJson.ToJsonLine(result));

    public void AddCrossYear(CrossYearResult pair) => WriteLine(ReportJson.ToCrossYearLine(pair));

    public void Complete() => output.Flush();

    public void Dispose() => output.Flush();

    private void WriteLine(string json)
    {
        // One write of the whole line, then out to the file: nothing of a line waits in a buffer for the next.
        output.Write(string.Concat(json, "\n"));
        output.Flush();
    }
}

/// <summary>The cell data set: one CSV row per file (UTF-8 with BOM).</summary>
internal sealed class CsvSink : IResultSink
{
    private readonly TextWriter _output;

    public CsvSink(TextWriter output)
    {
        _output = output;
        _output.Write('\uFEFF');
        _output.Write(ReportCsv.Header());
    }

    public void Add(AuditResult result) => _output.Write(ReportCsv.Row(result));

    public void Complete() => _output.Flush();

    public void Dispose() => _output.Flush();
}

/// <summary>The findings data set: one CSV row per finding (UTF-8 with BOM); cross-year findings are rows of the later file.</summary>
internal sealed class CsvFindingsSink : IResultSink
{
    private readonly TextWriter _output;

    public CsvFindingsSink(TextWriter output)
    {
        _output = output;
        _output.Write('\uFEFF');
        _output.Write(ReportCsv.FindingsHeader());
    }

    public void Add(AuditResult result) => _output.Write(ReportCsv.FindingRows(result));

    public void AddCrossYear(CrossYearResult pair) => _output.Write(ReportCsv.FindingRows(Placeless(pair.AsResult())));

    public void Complete() => _output.Flush();

    public void Dispose() => _output.Flush();

    // A cross-year finding compares two files, and the pass keeps cells read back from JSON Lines (with locations) or
    // Parquet (without): its location field stays empty, so that both give the same rows.
    private static AuditResult Placeless(AuditResult result) =>
        result.Report is { } report
            ? result with { Report = report with { Cells = report.Cells.ToDictionary(static kv => kv.Key, static kv => kv.Value with { Location = string.Empty }) } }
            : result;
}

/// <summary>SARIF 2.1.0, streamed.</summary>
internal sealed class SarifSink(TextWriter output, string toolVersion) : IResultSink
{
    private readonly SarifWriter _writer = new(new TextStream(output), RuleCatalog.Descriptors, toolVersion);

    public void Add(AuditResult result) => _writer.Add(result);

    public void AddCrossYear(CrossYearResult pair) => _writer.Add(pair.AsResult());

    public void Complete()
    {
        _writer.Complete();
        output.Flush();
    }

    public void Dispose() => _writer.Dispose();
}

/// <summary>A readable summary per file, its findings by section; the pairs compared across years at the end.</summary>
internal sealed class TextSink(TextWriter output) : IResultSink
{
    public void Add(AuditResult result) => output.Write(ReportText.Summary(result));

    public void AddCrossYear(CrossYearResult pair)
    {
        var sb = new StringBuilder();
        sb.Append("compared ").Append(pair.Report.Agency).Append(' ').Append(pair.PreviousYear).Append(" (").Append(pair.PreviousFile)
            .Append(") with ").Append(pair.Report.Year).Append(" (").Append(pair.File).Append(")\n");
        foreach (var f in pair.Findings)
        {
            sb.Append("    ").Append(ReportJson.SeverityName(f.Severity)).Append(' ').Append(f.RuleId).Append(": ").Append(f.Message).Append('\n');
        }

        output.Write(sb.ToString());
    }

    public void Complete() => output.Flush();

    public void Dispose() => output.Flush();
}
