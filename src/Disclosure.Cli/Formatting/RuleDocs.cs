using System.Text;
using Disclosure.Parsing.Output;
using Disclosure.Parsing.Rules;

namespace Disclosure.Cli.Formatting;

/// <summary>The rule catalogue as documents: <c>docs/rules.md</c> and the listing of <c>disclosure rules</c>.</summary>
internal static class RuleDocs
{
    /// <summary>The catalogue as Markdown, generated from the rule descriptors (the source of <c>docs/rules.md</c>).</summary>
    public static string Markdown(IEnumerable<RuleDescriptor> rules)
    {
        var list = rules.ToList();
        var sb = new StringBuilder();
        sb.Append("# Audit rules\n\n");
        sb.Append("Generated from the rule descriptors by `disclosure rules --markdown`; a test fails when this file is out of date.\n");
        sb.Append("Severities are the defaults; `--rule ID=warning`, `--disable ID` or a rules file change them.\n\n");
        sb.Append("| id | category | default severity | title |\n|---|---|---|---|\n");
        foreach (var r in list)
        {
            sb.Append("| ").Append(r.Id).Append(" | ").Append(r.Category).Append(" | ").Append(ReportJson.SeverityName(r.DefaultSeverity))
                .Append(" | ").Append(r.Title).Append(" |\n");
        }

        foreach (var r in list)
        {
            sb.Append("\n## ").Append(r.Id).Append(": ").Append(r.Title).Append("\n\n").Append(r.Help).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>One line per rule, for the terminal.</summary>
    public static string Listing(IEnumerable<RuleDescriptor> rules)
    {
        // Columns as wide as their longest entry and two spaces apart, so that no category runs into its title.
        var list = rules.ToList();
        string[] heading = ["ID", "SEVERITY", "CATEGORY"];
        var id = list.Select(static r => r.Id.Length).Append(heading[0].Length).Max() + 2;
        var severity = list.Select(static r => ReportJson.SeverityName(r.DefaultSeverity).Length).Append(heading[1].Length).Max() + 2;
        var category = list.Select(static r => r.Category.Length).Append(heading[2].Length).Max() + 2;
        var sb = new StringBuilder();
        sb.Append(heading[0].PadRight(id)).Append(heading[1].PadRight(severity)).Append(heading[2].PadRight(category)).Append("TITLE\n");
        foreach (var r in list)
        {
            sb.Append(r.Id.PadRight(id)).Append(ReportJson.SeverityName(r.DefaultSeverity).PadRight(severity)).Append(r.Category.PadRight(category)).Append(r.Title).Append('\n');
        }

        return sb.ToString();
    }
}
