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

        var locations = finding.Cells.Select(report.Cell).OfType<ReportCell>().Select(static c => Parts(c.Location)).Where(static p => p.Count > 0).ToList();
        if (locations.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder();
        foreach (var (kind, value) in locations[0])
        {
            var values = locations.Select(p => p.FirstOrDefault(x => x.Kind == kind).Value).ToList();
            string? part = null;
            if (values.All(v => v == value))
            {
                part = kind + " " + value;
            }
            else if (Ranged.Contains(kind) && values.All(static v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                var numbers = values.Select(static v => int.Parse(v!, CultureInfo.InvariantCulture)).ToList();
                part = string.Create(CultureInfo.InvariantCulture, $"{kind}s {numbers.Min()}-{numbers.Max()}");
            }

            if (part is not null)
            {
                sb.Append(sb.Length > 0 ? ", " : string.Empty).Append(part);
            }
        }

        return sb.Length > 0 ? sb.ToString() : null;
    }

    // "page 4, table 2, row 4, col 10, x 120 y 300" -> (page, 4), (table, 2), (row, 4), (col, 10): a kind is the words before the number.
    private static List<(string Kind, string Value)> Parts(string location)
    {
        var parts = new List<(string, string)>();
        foreach (var piece in location.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = piece.LastIndexOf(' ');
            if (space <= 0 || piece.StartsWith("x ", StringComparison.Ordinal))
            {
                continue;
            }

            parts.Add((piece[..space], piece[(space + 1)..]));
        }

        return parts;
    }
}
