using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Totals;

/// <summary>SUM003: section 三 per column, （七）总计 = the outcome rows （一） … （六）3.</summary>
internal sealed class RequestsColumnTotalRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "SUM003", "Totals", "A section 三 column does not add up to （七）总计", Severity.Error,
        "In every column of the section 三 table, （七）总计 is the sum of the outcome rows （一） to （六） (21 rows, or 19 " +
        "where （六）其他处理 is one row). Correct the total or the row that is wrong.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report)
    {
        var outcomes = Identity.OutcomeRows(report);
        foreach (var column in CellNames.RequestColumns)
        {
            string[] keys = [$"requests.total.{column}", .. outcomes.Select(r => $"requests.{r}.{column}")];
            if (Identity.Values(report, keys) is not { } v)
            {
                continue;
            }

            var sum = v.Skip(1).Sum();
            if (sum != v[0])
            {
                yield return new Finding(Rule.Id, Rule.DefaultSeverity, "三", keys, sum, v[0],
                    $"第三部分“{CellNames.Column(keys[0])}”列：第（一）至（六）项之和为 {CellNames.Number(sum)}，" +
                    $"第（七）项总计填的是 {CellNames.Number(v[0])}，二者应相等");
            }
        }
    }
}
