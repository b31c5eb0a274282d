using Disclosure.Parsing.Model;
using Disclosure.Parsing.Recognition;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Rules;

/// <summary>Reports built directly (no reader), for rule tests: consistent numbers, then one change.</summary>
internal static class TestReports
{
    /// <summary>A 2021-format report with all six sections, all three tables and 200 cells that add up.</summary>
    public static Report Consistent(int seed = 1)
    {
        var synthetic = SyntheticReport.Consistent(seed);
        var cells = CellCatalog.For("2021")
            .ToDictionary(static c => c.Key, c => Cell(c.Key, synthetic.Texts[c.Key]), StringComparer.Ordinal);
        var sections = "一二三四五六".Select(static n => new ReportSection(n.ToString(), $"{n}、", true, "line 1")).ToList();
        var tables = new List<ReportTable>
        {
            new("active", "二", true, "table 1"),
            new("requests", "三", true, "table 2"),
            new("appeals", "四", true, "table 3"),
        };
        return new Report("示例县人民政府", 2023, "2021", sections, tables, cells);
    }

    public static ReportCell Cell(string key, string text) => new(key, LabelText.ParseNumber(text), text, "test");

    /// <summary>The report with one cell printed as <paramref name="text"/>.</summary>
    public static Report With(this Report report, string key, string text)
    {
        var cells = new Dictionary<string, ReportCell>(report.Cells) { [key] = Cell(key, text) };
        return report with { Cells = cells };
    }

    /// <summary>The report with one cell's number moved by <paramref name="delta"/>.</summary>
    public static Report Bumped(this Report report, string key, decimal delta) =>
        report.With(key, (report.Value(key)!.Value + delta).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The report without the given cells (as if they could not be located).</summary>
    public static Report Without(this Report report, params string[] keys)
    {
        var cells = report.Cells.Where(kv => !keys.Contains(kv.Key)).ToDictionary(static kv => kv.Key, static kv => kv.Value);
        return report with { Cells = cells };
    }
}
