using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.CrossYear;

/// <summary>XYR002: 现行有效件数 this year = last year's + 本年制发 − 本年废止, for 规章 and 行政规范性文件.</summary>
internal sealed class InForceRule : IReportPairRule
{
    public static readonly RuleDescriptor Rule = new(
        "XYR002", "CrossYear", "Documents in force do not follow from last year's", Severity.Warning,
        "The regulations and normative documents in force at the end of the year are last year's in force, plus those issued " +
        "this year, less those repealed (第二十条第（一）项). A report whose numbers do not follow has one of them wrong.");

    public RuleDescriptor Descriptor => Rule;

    public IReadOnlyCollection<string> CellsRead { get; } = [.. new[] { "regulations", "normative_documents" }.SelectMany(static r => new[] { $"active.{r}.in_force", $"active.{r}.issued", $"active.{r}.repealed" })];

    public IEnumerable<Finding> Check(Report current, Report previous)
    {
        foreach (var row in new[] { "regulations", "normative_documents" })
        {
            string[] keys = [$"active.{row}.in_force", $"active.{row}.issued", $"active.{row}.repealed"];
            if (current.Value(keys[0]) is not { } inForce || current.Value(keys[1]) is not { } issued || current.Value(keys[2]) is not { } repealed
                || previous.Value(keys[0]) is not { } before)
            {
                continue;
            }

            var expected = before + issued - repealed;
            if (expected != inForce)
            {
                yield return new Finding(Rule.Id, Rule.DefaultSeverity, "二", keys, expected, inForce,
                    $"第二部分“{CellNames.Row(keys[0])}”现行有效件数应为上一年（{previous.Year}年）的 {CellNames.Number(before)} + 本年制发 {CellNames.Number(issued)} − 本年废止 {CellNames.Number(repealed)} = {CellNames.Number(expected)}，实际为 {CellNames.Number(inForce)}");
            }
        }
    }
}
