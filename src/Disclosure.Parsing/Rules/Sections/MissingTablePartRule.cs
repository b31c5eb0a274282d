using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Sections;

/// <summary>SEC003: a table is there but some of its rows or columns cannot be found.</summary>
internal sealed class MissingTablePartRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "SEC003", "Sections", "A row or column of a table is missing", Severity.Error,
        "The table is there, but rows or columns of the national format could not be found in it. " +
        "Add them (with 0 where nothing happened) and keep their labels as the format prints them.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report)
    {
        if (report.Template is null)
        {
            yield break;
        }

        var printsOther = report.Cells.ContainsKey("requests.other.total");
        foreach (var table in report.Tables.Where(static t => t.Found))
        {
            // Each table against its own template: a report may keep an older table beside newer ones.
            var template = report.TemplateOf(table.Name) ?? report.Template;
            var missing = CellCatalog.For(template)
                .Where(c => c.Section == table.Section && !report.Cells.ContainsKey(c.Key))
                // The single （六） row is a 2019 row that later reports may keep; it is only missing where neither form is printed.
                .Where(c => !(c.Key.StartsWith("requests.other.", StringComparison.Ordinal) && template != "2019"))
                .Select(static c => c.Key)
                .ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var rows = missing.Select(k => CellCatalog.Find(k)!).Select(static c => c.Table == "appeals"
                    ? string.Join(" ", c.RowPath) + " " + string.Join(" ", c.ColumnPath)
                    : CellNames.Row(c.Key) + "/" + CellNames.Column(c.Key))
                .Take(6);
            var more = missing.Count > 6 ? $" 等 {missing.Count} 个" : string.Empty;
            var note = printsOther && table.Section == "三" ? "（表中（六）其他处理只有一行，未分 1–3 子项）" : string.Empty;
            yield return new Finding(Rule.Id, Rule.DefaultSeverity, table.Section, missing, null, null,
                $"第{table.Section}部分统计表缺少单元格：{string.Join("、", rows)}{more}{note}");
        }
    }
}
