using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Sections;

/// <summary>SEC002: section 二, 三 or 四 has no statistical table.</summary>
internal sealed class MissingTableRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "SEC002", "Sections", "A statistical table is missing", Severity.Error,
        "Sections 二, 三 and 四 each carry a statistical table of the national format. None was found for this section: " +
        "add the table, or publish it as a table rather than as an image or prose.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report) =>
        report.Tables.Where(static t => !t.Found).Select(static t => new Finding(
            Rule.Id, Rule.DefaultSeverity, t.Section, [], null, null, $"第{t.Section}部分缺少统计表"));
}
