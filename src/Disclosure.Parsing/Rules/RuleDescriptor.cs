using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules;

/// <summary>What a rule is: its stable ID, category, title, default severity and help. Like Roslyn's DiagnosticDescriptor.</summary>
/// <param name="Id">Stable ID, e.g. <c>SUM001</c>. Never reused for another check.</param>
/// <param name="Category"><c>Sections</c>, <c>Cells</c> or <c>Totals</c>.</param>
/// <param name="Title">One line saying what the rule checks.</param>
/// <param name="DefaultSeverity">The severity unless the audit options override it.</param>
/// <param name="Help">What the rule checks and how to fix the report, for a person reading the finding.</param>
public sealed record RuleDescriptor(string Id, string Category, string Title, Severity DefaultSeverity, string Help);

/// <summary>
/// One audit check. Rules read the <see cref="Report"/> only, never the layout, and name every cell they used.
/// Implement it as one sealed class with a static descriptor; add it to <see cref="RuleCatalog"/>.
/// </summary>
public interface IReportRule
{
    /// <summary>The rule's descriptor.</summary>
    RuleDescriptor Descriptor { get; }

    /// <summary>Checks a report. Findings carry the default severity; the engine applies overrides.</summary>
    IEnumerable<Finding> Check(Report report);
}
