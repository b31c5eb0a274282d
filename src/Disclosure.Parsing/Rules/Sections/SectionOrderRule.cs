using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Sections;

/// <summary>SEC004: sections out of order, duplicated, or numbered other than the format numbers them.</summary>
internal sealed class SectionOrderRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "SEC004", "Sections", "Sections are out of order, repeated or misnumbered", Severity.Warning,
        "The six sections come once each, in the order 一 to 六, each numbered as the format numbers it " +
        "(二、主动公开…, 三、收到和处理…申请…, 四、…复议、…诉讼…). Renumber or reorder the headings.");

    private static readonly string Order = Recognition.TemplateWords.SectionNumbers;

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report)
    {
        var seen = new Dictionary<string, ReportHeading>();
        var last = -1;
        foreach (var h in report.Headings.Where(static h => h.Meaning is not null))
        {
            var meaning = h.Meaning!;
            if (h.Number != meaning)
            {
                yield return Finding(meaning, $"第{meaning}部分的标题“{h.Text}”编号为“{h.Number}”（{h.Location}），应为“{meaning}”");
            }

            if (seen.TryGetValue(meaning, out var first))
            {
                yield return Finding(meaning, $"第{meaning}部分出现了两次：“{first.Text}”（{first.Location}）和“{h.Text}”（{h.Location}）");
                continue;
            }

            seen[meaning] = h;
            var position = Order.IndexOf(meaning, StringComparison.Ordinal);
            if (position < last)
            {
                yield return Finding(meaning, $"第{meaning}部分“{h.Text}”（{h.Location}）排在第{Order[last]}部分之后，顺序应为一至六");
            }

            last = Math.Max(last, position);
        }
    }

    private static Finding Finding(string section, string message) => new(Rule.Id, Rule.DefaultSeverity, section, [], null, null, message);
}
