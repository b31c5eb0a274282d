using System.Text;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Output;

namespace Disclosure.Cli.Formatting;

/// <summary>A short readable summary per document: a verdict line, then its findings grouped by section, each with where it is.</summary>
internal static class ReportText
{
    /// <summary>The summary of one result, ending with a line break.</summary>
    public static string Summary(AuditResult result)
    {
        var sb = new StringBuilder();
        if (result.Error is not null)
        {
            sb.Append(result.File).Append(": cannot read: ").Append(result.Error).Append('\n');
            Problems(result, sb);
            return sb.ToString();
        }

        var report = result.Report!;
        var errors = result.Findings.Count(static f => f.Severity == Severity.Error);
        var warnings = result.Findings.Count(static f => f.Severity == Severity.Warning);
        var verdict = errors > 0 ? "FAIL" : warnings > 0 ? "WARN" : "OK";
        var found = report.Sections.Count(static s => s.Found);
        sb.Append(result.File).Append(": ").Append(verdict)
            .Append(" — ").Append(report.Agency ?? "(agency unknown)").Append(' ').Append(report.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(year unknown)")
            .Append(", ").Append(result.Format).Append(", template ").Append(report.Template ?? "-").Append(MixedTemplates(report))
            .Append(", sections ").Append(found).Append("/6, cells ").Append(report.Cells.Count)
            .Append(", ").Append(errors).Append(" error(s), ").Append(warnings).Append(" warning(s)\n");
        Problems(result, sb);
        foreach (var group in result.Findings.GroupBy(static f => f.Section ?? "-").OrderBy(static g => SectionOrder(g.Key)))
        {
            sb.Append("  第").Append(group.Key).Append("部分\n");
            foreach (var f in group)
            {
                sb.Append("    ").Append(ReportJson.SeverityName(f.Severity)).Append(' ').Append(f.RuleId);
                if (FindingPlace.Describe(f, report) is { } place)
                {
                    sb.Append(" (").Append(place).Append(')');
                }

                sb.Append(": ").Append(f.Message).Append('\n');
            }
        }

        return sb.ToString();
    }

    // What a reader skipped or repaired (a damaged page): said under the file, before its findings.
    private static void Problems(AuditResult result, StringBuilder sb)
    {
        foreach (var problem in result.Problems)
        {
            sb.Append("  ! ").Append(problem).Append('\n');
        }
    }

    private static int SectionOrder(string number) => "一二三四五六".IndexOf(number, StringComparison.Ordinal) is var i and >= 0 ? i : 99;

    /// <summary>Where the tables are of different templates, each table's (“ (二 2019, 三 2021, 四 2021)”); else nothing.</summary>
    private static string MixedTemplates(Report report)
    {
        var found = report.Tables.Where(static t => t.Found && t.Template is not null).ToList();
        return found.Select(static t => t.Template).Distinct().Count() > 1
            ? " (" + string.Join(", ", found.Select(static t => $"{t.Section} {t.Template}")) + ")"
            : string.Empty;
    }
}
