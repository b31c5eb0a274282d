using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Sections;

/// <summary>YEAR001: the title's year, the statistics period and the opening lines speak of different years.</summary>
internal sealed class ReportYearRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "YEAR001", "Sections", "The report's years disagree", Severity.Warning,
        "The year in the title (…2024年政府信息公开工作年度报告), the statistics period (自2024年1月1日至2024年12月31日) and " +
        "the opening lines of section 一 (2024年，…) must be the same year. A report copied from last year's often keeps one of them.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report)
    {
        var years = new List<(string Where, int Year)>();
        if (report.Year is { } title)
        {
            years.Add(("标题", title));
        }

        if (report.PeriodYear is { } period)
        {
            years.Add(("统计期限", period));
        }

        if (report.OpeningYear is { } opening)
        {
            years.Add(("第一部分开头", opening));
        }

        if (years.Select(static y => y.Year).Distinct().Count() > 1)
        {
            yield return new Finding(Rule.Id, Rule.DefaultSeverity, "一", [], years[0].Year, years.First(y => y.Year != years[0].Year).Year,
                $"报告年份不一致：{string.Join("，", years.Select(static y => $"{y.Where}为 {y.Year} 年"))}");
        }
    }
}
