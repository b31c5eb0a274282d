using System.Text;
using Disclosure.Parsing.Rules;

namespace Disclosure.Parsing.Output;

/// <summary>The rule catalogue as documents: <c>docs/rules.md</c> and the listing of <c>disclosure rules</c>.</summary>
public static class RuleDocs
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
        var sb = new StringBuilder();
        foreach (var r in rules)
        {
            sb.Append(r.Id.PadRight(8)).Append(ReportJson.SeverityName(r.DefaultSeverity).PadRight(8)).Append(r.Category.PadRight(9)).Append(r.Title).Append('\n');
        }

        return sb.ToString();
    }
}
