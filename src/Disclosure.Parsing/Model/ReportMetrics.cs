namespace Disclosure.Parsing.Model;

/// <summary>
/// One ratio the field compares agencies by, computed from a report's cells: the sum of <see cref="Numerator"/> over the
/// sum of <see cref="Denominator"/>.
/// </summary>
/// <param name="Id">The JSON name, e.g. <c>disclosureRate</c>.</param>
/// <param name="Name">The name the field uses, e.g. 公开率.</param>
/// <param name="Formula">The formula in the template's own words.</param>
/// <param name="Numerator">The cells summed above the line, by canonical key.</param>
/// <param name="Denominator">The cells summed below the line, by canonical key.</param>
public sealed record MetricDefinition(string Id, string Name, string Formula, IReadOnlyList<string> Numerator, IReadOnlyList<string> Denominator)
{
    /// <summary>The cells summed above the line, by canonical key. Read-only, compared by value.</summary>
    public IReadOnlyList<string> Numerator { get; init => field = ValueList.Of(value); } = ValueList.Of(Numerator);

    /// <summary>The cells summed below the line, by canonical key. Read-only, compared by value.</summary>
    public IReadOnlyList<string> Denominator { get; init => field = ValueList.Of(value); } = ValueList.Of(Denominator);

    /// <summary>
    /// The ratio for <paramref name="report"/>, rounded to four decimals; null where a cell is absent, blank or not a
    /// number, or where the denominator is zero.
    /// </summary>
    public decimal? Of(Report report)
    {
        var top = Sum(report, Numerator);
        var bottom = Sum(report, Denominator);
        return top is null || bottom is null || bottom == 0 ? null : Math.Round(top.Value / bottom.Value, 4, MidpointRounding.AwayFromZero);
    }

    private static decimal? Sum(Report report, IReadOnlyList<string> keys)
    {
        decimal sum = 0;
        foreach (var key in keys)
        {
            if (report.Value(key) is not { } v)
            {
                return null;
            }

            sum += v;
        }

        return sum;
    }
}

/// <summary>
/// The ratios of one report (公开率, 无法提供率, 不予公开率, 结转率, 纠错率): fractions between 0 and 1 (a report with wrong
/// totals may give more than 1), each null where a cell it needs is missing or its denominator is zero.
/// </summary>
/// <param name="DisclosureRate">公开率: (（一）予以公开 + （二）部分公开) / （七）总计.</param>
/// <param name="UnableRate">无法提供率: （四）无法提供 (its three rows) / （七）总计.</param>
/// <param name="DenialRate">不予公开率: （三）不予公开 (its eight rows) / （七）总计.</param>
/// <param name="CarryForwardRate">结转率: 四、结转下年度继续办理 / (一、本年新收 + 二、上年结转).</param>
/// <param name="ReviewCorrectionRate">纠错率 of 行政复议: 结果纠正 / 总计.</param>
/// <param name="LitigationCorrectionRate">纠错率 of 行政诉讼 (未经复议直接起诉 and 复议后起诉 together): 结果纠正 / 总计.</param>
public sealed record ReportMetrics(
    decimal? DisclosureRate,
    decimal? UnableRate,
    decimal? DenialRate,
    decimal? CarryForwardRate,
    decimal? ReviewCorrectionRate,
    decimal? LitigationCorrectionRate)
{
    private const string Total = "requests.total.total";

    /// <summary>Every ratio, in the order of the record's parameters: the one place their cells and formulas are written.</summary>
    public static IReadOnlyList<MetricDefinition> Definitions { get; } =
    [
        new("disclosureRate", "公开率", "(（一）予以公开 + （二）部分公开) ÷ （七）总计，总计列",
            ["requests.granted.total", "requests.partially_granted.total"], [Total]),
        new("unableRate", "无法提供率", "（四）无法提供（1 + 2 + 3）÷ （七）总计，总计列",
            ["requests.unable_not_held.total", "requests.unable_needs_creation.total", "requests.unable_unclear.total"], [Total]),
        new("denialRate", "不予公开率", "（三）不予公开（1 + … + 8）÷ （七）总计，总计列",
            [
                "requests.denied_state_secret.total", "requests.denied_prohibited_by_law.total", "requests.denied_safety_stability.total",
                "requests.denied_third_party.total", "requests.denied_internal_affairs.total", "requests.denied_process_info.total",
                "requests.denied_enforcement_file.total", "requests.denied_inquiry.total",
            ],
            [Total]),
        new("carryForwardRate", "结转率", "四、结转下年度继续办理 ÷ (一、本年新收 + 二、上年结转)，总计列",
            ["requests.carried_forward.total"], ["requests.new.total", "requests.carried_over.total"]),
        new("reviewCorrectionRate", "纠错率（行政复议）", "行政复议 结果纠正 ÷ 行政复议 总计",
            ["appeals.review.corrected"], ["appeals.review.total"]),
        new("litigationCorrectionRate", "纠错率（行政诉讼）", "行政诉讼 结果纠正 ÷ 行政诉讼 总计（未经复议直接起诉 + 复议后起诉）",
            ["appeals.litigation_direct.corrected", "appeals.litigation_after_review.corrected"],
            ["appeals.litigation_direct.total", "appeals.litigation_after_review.total"]),
    ];

    /// <summary>The ratios of <paramref name="report"/>.</summary>
    public static ReportMetrics Of(Report report)
    {
        var d = Definitions;
        return new ReportMetrics(d[0].Of(report), d[1].Of(report), d[2].Of(report), d[3].Of(report), d[4].Of(report), d[5].Of(report));
    }

    /// <summary>The ratios by <see cref="MetricDefinition.Id"/>, in the order of <see cref="Definitions"/>.</summary>
    public IReadOnlyList<(MetricDefinition Definition, decimal? Value)> ByDefinition() =>
    [
        (Definitions[0], DisclosureRate),
        (Definitions[1], UnableRate),
        (Definitions[2], DenialRate),
        (Definitions[3], CarryForwardRate),
        (Definitions[4], ReviewCorrectionRate),
        (Definitions[5], LitigationCorrectionRate),
    ];
}
