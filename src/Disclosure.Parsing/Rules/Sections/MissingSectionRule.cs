using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Sections;

/// <summary>SEC001: one of the six sections is missing.</summary>
internal sealed class MissingSectionRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "SEC001", "Sections", "A section is missing", Severity.Error,
        "The national format has six sections, 一、总体情况 to 六、其他需要报告的事项, each under its own numbered heading. " +
        "Add the missing section, or number its heading as the format does.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report) =>
        report.Sections.Where(static s => !s.Found).Select(static s => new Finding(
            Rule.Id, Rule.DefaultSeverity, s.Number, [], null, null, $"缺少第{s.Number}部分“{s.Title}”"));
}
