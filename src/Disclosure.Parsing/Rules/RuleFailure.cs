using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules;

/// <summary>
/// RULE001: a rule threw instead of answering. Like Roslyn's AD0001 for a crashing analyzer, the failure becomes a
/// finding naming the rule, and the other rules' findings still stand: one defective check (this library's or a
/// caller's own) must not cost a batch its audit.
/// </summary>
internal static class RuleFailure
{
    public static readonly RuleDescriptor Rule = new(
        "RULE001", "Engine", "A rule failed to run", Severity.Warning,
        "A rule threw an exception on this report, so its check is missing from the findings; the other rules ran. " +
        "This is a defect of the rule, not of the report: please report it with the file.");

    public static Finding For(RuleDescriptor failed, Exception e) =>
        new(Rule.Id, Rule.DefaultSeverity, null, [], null, null,
            $"规则 {failed.Id}（{failed.Title}）未能运行，其检查结果缺失：{e.GetType().Name}: {e.Message}");
}
