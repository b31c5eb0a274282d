using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.CrossYear;

/// <summary>A check across two reports of one agency in consecutive years. Findings belong to the later report.</summary>
public interface IReportPairRule
{
    /// <summary>The rule's descriptor.</summary>
    RuleDescriptor Descriptor { get; }

    /// <summary>Checks <paramref name="current"/> against the report of the year before.</summary>
    IEnumerable<Finding> Check(Report current, Report previous);

    /// <summary>
    /// The cells the rule reads, of either report: a cross-year pass over a whole batch keeps only these of each report.
    /// Null (the default) keeps every cell.
    /// </summary>
    IReadOnlyCollection<string>? CellsRead => null;
}

/// <summary>Two reports of one agency, one year apart.</summary>
/// <param name="Current">The later report's file and report.</param>
/// <param name="Previous">The earlier report's file and report.</param>
public sealed record ReportPair((string File, Report Report) Current, (string File, Report Report) Previous);

/// <summary>Pairs reports by agency (names normalised) and consecutive years.</summary>
public static class ReportPairing
{
    /// <summary>Every pair of reports of the same agency whose years are consecutive, in a stable order.</summary>
    public static IReadOnlyList<ReportPair> Pair(IEnumerable<(string File, Report Report)> reports)
    {
        var known = reports.Where(static r => r.Report.Agency is not null && r.Report.Year is not null)
            .GroupBy(static r => (Agency: AgencyKey(r.Report.Agency!), Year: r.Report.Year!.Value))
            .ToDictionary(static g => g.Key, static g => g.OrderBy(static r => r.File, StringComparer.Ordinal).First());
        return known
            .Where(kv => known.ContainsKey((kv.Key.Agency, kv.Key.Year - 1)))
            .OrderBy(static kv => kv.Key.Agency, StringComparer.Ordinal).ThenBy(static kv => kv.Key.Year)
            .Select(kv => new ReportPair(kv.Value, known[(kv.Key.Agency, kv.Key.Year - 1)]))
            .ToList();
    }

    /// <summary>An agency name as compared: full-width folded, spaces and punctuation dropped.</summary>
    public static string AgencyKey(string agency) =>
        new(Recognition.LabelText.Fold(agency).Where(static c => char.IsLetterOrDigit(c)).ToArray());
}
