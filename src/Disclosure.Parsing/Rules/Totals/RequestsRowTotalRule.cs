using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Totals;

/// <summary>SUM002: section 三 per row, 总计 = 自然人 + the five 法人或其他组织 columns.</summary>
internal sealed class RequestsRowTotalRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "SUM002", "Totals", "A section 三 row does not add up", Severity.Error,
        "In every row of the section 三 table, the 总计 column is the sum of 自然人 and the five 法人或其他组织 columns. " +
        "Correct the total or the column that is wrong.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report)
    {
        string[] rows = ["new", "carried_over", .. Identity.OutcomeRows(report), "total", "carried_forward"];
        foreach (var row in rows)
        {
            string[] keys = [$"requests.{row}.total", .. CellNames.ApplicantColumns.Select(c => $"requests.{row}.{c}")];
            if (Identity.Values(report, keys) is not { } v)
            {
                continue;
            }

            var sum = v.Skip(1).Sum();
            if (sum != v[0])
            {
                yield return new Finding(Rule.Id, Rule.DefaultSeverity, "三", keys, sum, v[0],
                    $"第三部分“{CellNames.Row(keys[0])}”行：自然人与五类法人或其他组织之和为 {CellNames.Number(sum)}，" +
                    $"“总计”列填的是 {CellNames.Number(v[0])}，二者应相等");
            }
        }
    }
}
