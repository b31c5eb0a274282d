using System.Text.RegularExpressions;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.Text;

/// <summary>
/// TEXT001: a number the prose states for a whole-report total (新收 …件, 办结 …件, 结转 …件, 行政复议 …件,
/// 行政诉讼 …件) disagrees with the table. Reports count in other measure words too (条、个、项、宗、次、起、例、份、笔),
/// all understood alike. Only a sentence that states one quantity, names it, and speaks of no share (其中, 占, %)
/// is compared: a missed claim costs less than a false alarm. Dates and time limits (20个工作日) are not quantities.
/// </summary>
internal sealed partial class ProseTotalsRule : IReportRule
{
    public static readonly RuleDescriptor Rule = new(
        "TEXT001", "Text", "The prose states a total the table does not", Severity.Warning,
        "A sentence of the report states a total (new requests, requests handled, carried forward, administrative reviews or " +
        "lawsuits) that differs from the statistical table. One of them is wrong. The total may be counted in any measure word " +
        "reports use (件、条、个、项、宗、次、起、例、份、笔); only a sentence stating one quantity is compared, and dates, time limits " +
        "(20个工作日) and article numbers (第33条) are not quantities.");

    private static readonly (Regex Claim, string[] Keys, string What)[] Claims =
    [
        (NewRequests(), ["requests.new.total"], "新收政府信息公开申请"),
        (Handled(), ["requests.total.total"], "办结（答复）政府信息公开申请"),
        (CarriedForward(), ["requests.carried_forward.total"], "结转下年度的申请"),
        (CarriedOver(), ["requests.carried_over.total"], "上年结转的申请"),
        (Reviews(), ["appeals.review.total"], "行政复议"),
        (Lawsuits(), ["appeals.litigation_direct.total", "appeals.litigation_after_review.total"], "行政诉讼"),
    ];

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Check(Report report)
    {
        foreach (var sentence in Sentences(report))
        {
            var plain = Dates().Replace(Recognition.LabelText.Fold(sentence.Text), string.Empty);
            if (Numbers().Matches(plain).Count != 1 || Share().IsMatch(plain) || !plain.Contains("信息公开", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (claim, keys, what) in Claims)
            {
                var m = claim.Match(plain);
                if (!m.Success)
                {
                    continue;
                }

                var unit = m.Groups["u"].Value;
                var stated = decimal.Parse(m.Groups["n"].Value.Replace(",", string.Empty), System.Globalization.CultureInfo.InvariantCulture);
                var values = keys.Select(report.Value).ToList();
                if (values.Any(static v => v is null))
                {
                    break;
                }

                var table = values.Sum(static v => v!.Value);
                if (table != stated)
                {
                    yield return new Finding(Rule.Id, Rule.DefaultSeverity, sentence.Section, keys, table, stated,
                        $"正文（{sentence.Location}）称{what} {CellNames.Number(stated)} {unit}，统计表为 {CellNames.Number(table)} 件：“{sentence.Text.Trim()}”");
                }

                break;
            }
        }
    }

    /// <summary>Sentences of the prose, section by section; lines of one paragraph (a PDF) are joined first.</summary>
    private static IEnumerable<(string? Section, string Text, string Location)> Sentences(Report report)
    {
        foreach (var group in report.Prose.GroupBy(static p => p.Section))
        {
            var parts = group.ToList();
            var text = string.Concat(parts.Select(static p => p.Text.Replace("\n", string.Empty)));
            foreach (Match m in SentencePattern().Matches(text))
            {
                yield return (group.Key, m.Value, parts[0].Location);
            }
        }
    }

    [GeneratedRegex(@"[^。；;！!？?]+[。；;！!？?]?")]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"(?:19|20)[0-9]{2}\s*年(?:\s*[0-9]{1,2}\s*月)?(?:\s*[0-9]{1,2}\s*日)?|[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|第\s*[0-9]+\s*(?:号|条|项|款|个|次|批)|[0-9]+号令|[0-9]+\s*个?\s*(?:工作日|自然日|小时|日内|天内?|个月)")]
    private static partial Regex Dates();

    [GeneratedRegex(@"[0-9][0-9,]*(?:\.[0-9]+)?")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"其中|占|%|％|部门|单位|各地|平均|同比|较上年|增长|下降|人次|次数|咨询|留言|来电|访问|浏览")]
    private static partial Regex Share();

    [GeneratedRegex(@"(?:新收|受理|收到)[^，,。；0-9]{0,14}?申请[^，,。；0-9]{0,4}?(?<n>[0-9][0-9,]*)\s*(?<u>件|条|宗|项|起|例|份|笔|个(?!工作日|自然日|月|小时|部门|单位)|次)")]
    private static partial Regex NewRequests();

    [GeneratedRegex(@"(?:办结|答复|办理完毕)[^，,。；0-9]{0,10}?(?<n>[0-9][0-9,]*)\s*(?<u>件|条|宗|项|起|例|份|笔|个(?!工作日|自然日|月|小时|部门|单位)|次)")]
    private static partial Regex Handled();

    [GeneratedRegex(@"(?:结转(?:至|到)?下(?:一)?年度?|顺延(?:至|到)下(?:一)?年度?)[^，,。；0-9]{0,8}?(?<n>[0-9][0-9,]*)\s*(?<u>件|条|宗|项|起|例|份|笔|个(?!工作日|自然日|月|小时|部门|单位)|次)|(?<n>[0-9][0-9,]*)\s*(?<u>件|条|宗|项|起|例|份|笔|个(?!工作日|自然日|月|小时|部门|单位)|次)[^，,。；0-9]{0,6}?(?:结转(?:至|到)?下(?:一)?年度?|顺延(?:至|到)下(?:一)?年度?)")]
    private static partial Regex CarriedForward();

    [GeneratedRegex(@"上(?:一)?年(?:度)?结转[^，,。；0-9]{0,8}?(?<n>[0-9][0-9,]*)\s*(?<u>件|条|宗|项|起|例|份|笔|个(?!工作日|自然日|月|小时|部门|单位)|次)")]
    private static partial Regex CarriedOver();

    [GeneratedRegex(@"行政复议[^，,。；0-9]{0,6}?(?<n>[0-9][0-9,]*)\s*(?<u>件|条|宗|项|起|例|份|笔|个(?!工作日|自然日|月|小时|部门|单位)|次)")]
    private static partial Regex Reviews();

    [GeneratedRegex(@"行政诉讼[^，,。；0-9]{0,6}?(?<n>[0-9][0-9,]*)\s*(?<u>件|条|宗|项|起|例|份|笔|个(?!工作日|自然日|月|小时|部门|单位)|次)")]
    private static partial Regex Lawsuits();
}
