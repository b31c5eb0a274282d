using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Totals;

/// <summary>SUM001: section 三 balance per column, 一 + 二 = （七）总计 + 四, as the table's own note says.</summary>
internal sealed class RequestsBalanceRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "SUM001", "Totals", "Section 三 does not balance", Severity.Error,
        "The note printed in the section 三 table: 第一项加第二项之和，等于第三项加第四项之和 — new requests plus those " +
        "carried over equal those handled ((七)总计) plus those carried forward, in every column. Correct the numbers that break it.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report)
    {
        foreach (var column in CellNames.RequestColumns)
        {
            string[] keys = [$"requests.new.{column}", $"requests.carried_over.{column}", $"requests.total.{column}", $"requests.carried_forward.{column}"];
            if (Identity.Values(report, keys) is not { } v)
            {
                continue;
            }

            var inflow = v[0] + v[1];
            var outflow = v[2] + v[3];
            if (inflow != outflow)
            {
                yield return new Finding(Rule.Id, Rule.DefaultSeverity, "三", keys, inflow, outflow,
                    $"第三部分“{CellNames.Column(keys[0])}”列：第一项加第二项之和为 {CellNames.Number(inflow)}，" +
                    $"第三项（七）总计加第四项之和为 {CellNames.Number(outflow)}，二者应相等");
            }
        }
    }
}
