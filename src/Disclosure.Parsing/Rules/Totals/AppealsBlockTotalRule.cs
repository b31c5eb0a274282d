using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Totals;

/// <summary>SUM004: section 四 per block, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.</summary>
internal sealed class AppealsBlockTotalRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "SUM004", "Totals", "A section 四 block does not add up", Severity.Error,
        "In each block of the section 四 table (行政复议, 未经复议直接起诉, 复议后起诉), 总计 is 结果维持 + 结果纠正 + 其他结果 + 尚未审结. " +
        "Correct the total or the result that is wrong.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report)
    {
        foreach (var block in CellNames.AppealBlocks)
        {
            string[] keys = [$"appeals.{block}.total", .. CellNames.AppealResults.Select(r => $"appeals.{block}.{r}")];
            if (Identity.Values(report, keys) is not { } v)
            {
                continue;
            }

            var sum = v.Skip(1).Sum();
            if (sum != v[0])
            {
                yield return new Finding(Rule.Id, Rule.DefaultSeverity, "四", keys, sum, v[0],
                    $"第四部分“{CellNames.Block(block)}”：结果维持、结果纠正、其他结果、尚未审结之和为 {CellNames.Number(sum)}，" +
                    $"总计填的是 {CellNames.Number(v[0])}，二者应相等");
            }
        }
    }
}
