using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Totals;

/// <summary>Helpers shared by the totals rules: an identity is checked only where all its cells have values.</summary>
internal static class Identity
{
    /// <summary>The values of <paramref name="keys"/>, or null when any cell is absent, blank or not a number.</summary>
    public static decimal[]? Values(Report report, IReadOnlyList<string> keys)
    {
        var values = new decimal[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            if (report.Value(keys[i]) is not { } v)
            {
                return null;
            }

            values[i] = v;
        }

        return values;
    }

    /// <summary>The section 三 outcome rows of this report: （六） as one row where it is printed so.</summary>
    public static IReadOnlyList<string> OutcomeRows(Report report) =>
        report.Cells.ContainsKey("requests.other.total") && !CellNames.OtherSubRows.Any(r => report.Cells.ContainsKey($"requests.{r}.total"))
            ? [.. CellNames.OutcomeRows.Except(CellNames.OtherSubRows), "other"]
            : CellNames.OutcomeRows;
}
