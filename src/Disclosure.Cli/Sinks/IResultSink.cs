using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules.CrossYear;

namespace Disclosure.Cli.Sinks;

/// <summary>
/// One output format of a batch: takes results one by one, in input order, and finishes once. A sink never holds the
/// batch in memory: what it cannot write at once it buffers in bounded pieces (a Parquet row group, say).
/// </summary>
internal interface IResultSink : IDisposable
{
    /// <summary>The next result, in input order.</summary>
    void Add(AuditResult result);

    /// <summary>
    /// Findings that compare a file already added with the same agency's report of the year before (XYR rules), after
    /// every file's result. Sinks of one row per report ignore them; sinks of findings add them as the later file's.
    /// </summary>
    void AddCrossYear(CrossYearResult pair)
    {
    }

    /// <summary>Writes whatever is left (footers, summaries); called once, after the last result.</summary>
    void Complete();
}

internal static class CrossYearResults
{
    /// <summary>A pair's findings as a result of the later file, for sinks that write findings the same way for both.</summary>
    public static AuditResult AsResult(this CrossYearResult pair) => new(pair.File, null, pair.Report, pair.Findings, null);
}
