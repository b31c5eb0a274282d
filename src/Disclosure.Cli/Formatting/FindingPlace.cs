using System.Globalization;
using System.Text;
using Disclosure.Parsing.Model;

namespace Disclosure.Cli.Formatting;

/// <summary>
/// Where a finding is, in one short phrase for a line of text or a CSV field: what the locations of all its cells have
/// in common. One cell: its location (<c>page 4, table 2, row 4, col 10</c>). A row's identity: the row
/// (<c>table 2, row 4</c>); a column's: the column (<c>table 2, col 3</c>); a table over two pages: <c>pages 4-5</c>.
/// Pixel coordinates are left to the JSON. Null when the finding names no cell that was located.
/// </summary>
internal static class FindingPlace
{
    // Parts that say which page, line or table: where they differ, their range is said; other parts are dropped.
    private static readonly string[] Ranged = ["page", "line", "table"];

    public static string? Describe(Finding finding, Report? report)
    {
        if (report is null)
        {
            return null;
        }

        var locations = finding.Cells.Select(report.Cell).OfType<ReportCell>().Select(static c => Parts(c.Place)).Where(static p => p.Count > 0).ToList();
        if (locations.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder();
        foreach (var (kind, value) in locations[0])
        {
            var values = locations.Select(p => p.FirstOrDefault(x => x.Kind == kind)?.Number).ToList();
            string? part = null;
            if (values.All(v => v == value))
            {
                part = string.Create(CultureInfo.InvariantCulture, $"{kind} {value}");
            }
            else if (Ranged.Contains(kind) && values.All(static v => v is not null))
            {
                part = string.Create(CultureInfo.InvariantCulture, $"{kind}s {values.Min()}-{values.Max()}");
            }

            if (part is not null)
            {
                sb.Append(sb.Length > 0 ? ", " : string.Empty).Append(part);
            }
        }

        return sb.Length > 0 ? sb.ToString() : null;
    }

    // A cell's page, table, row and column; its coordinates are for the JSON, not for a line of text.
    private static List<LocationPart> Parts(SourceLocation place) =>
        [.. place.Parts.Where(static p => p.Kind is not ("x" or "y"))];
}
