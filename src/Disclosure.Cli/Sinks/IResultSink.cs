using Disclosure.Parsing.Model;

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
    /// Findings that compare a file already added with the same agency's report of the year before (XYR rules):
    /// <see cref="AuditResult.File"/> is the later file, <see cref="AuditResult.Findings"/> the cross-year findings, and
    /// <see cref="AuditResult.Report"/> carries its agency and year. Sinks of one row per report ignore them.
    /// </summary>
    void AddCrossYear(AuditResult supplement)
    {
    }

    /// <summary>Writes whatever is left (footers, summaries); called once, after the last result.</summary>
    void Complete();
}
