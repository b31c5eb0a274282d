using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.CrossYear;

/// <summary>XYR001: this year's 二、上年结转 equals last year's 四、结转下年度继续办理, per column.</summary>
internal sealed class CarriedOverRule : IReportPairRule
{
    public static readonly RuleDescriptor Rule = new(
        "XYR001", "CrossYear", "Carried over does not match last year's carried forward", Severity.Warning,
        "The requests a report carries over from last year (三、二、上年结转) are those last year's report carried forward " +
        "(三、四、结转下年度继续办理), column by column. One of the two reports is wrong.");

    public RuleDescriptor Descriptor => Rule;

    public IReadOnlyCollection<string> CellsRead { get; } = [.. CellNames.RequestColumns.SelectMany(static c => new[] { $"requests.carried_over.{c}", $"requests.carried_forward.{c}" })];

    public IEnumerable<Finding> Check(Report current, Report previous)
    {
        foreach (var column in CellNames.RequestColumns)
        {
            var key = $"requests.carried_over.{column}";
            if (current.Value(key) is not { } now || previous.Value($"requests.carried_forward.{column}") is not { } before || now == before)
            {
                continue;
            }

            yield return new Finding(Rule.Id, Rule.DefaultSeverity, "三", [key], before, now,
                $"第三部分“上年结转”“{CellNames.Column(key)}”列为 {CellNames.Number(now)}，上一年（{previous.Year}年）报告“结转下年度继续办理”为 {CellNames.Number(before)}");
        }
    }
}
