using System.Text;
using Disclosure.Parsing.Recognition;

namespace Disclosure.Parsing.Tests.Recognition;

[TestFixture]
public sealed class LabelTextTests
{
    [TestCase("（三）不予公开", "(三)不予公开")]
    [TestCase("１，３３１", "1,331")]
    [TestCase("商\u3000业", "商 业")]
    [TestCase("㈠ 总体情况", "(一) 总体情况")]
    [TestCase("e\u0301", "\u00E9")]
    public void FoldsFullWidthAndCompatibilityForms(string printed, string folded) =>
        LabelText.Fold(printed).Should().Be(folded);

    [Test]
    public void FoldIsNfkcWithTheIdeographicSpaceAsASpace()
    {
        // The fast path (text NFKC leaves alone) must agree with the normaliser on any mix of characters.
        var pools = new[] { "收到和处理政府信息公开申请情况", "、。《》「」〔〕【】", "0123456789,.- abc", "（）０１２３，：；", "\u3000\u0301\u2460\u3036\u00A0ｶ" };
        var random = new Random(20241128);
        for (var i = 0; i < 2000; i++)
        {
            var sb = new StringBuilder();
            for (var n = random.Next(0, 12); n > 0; n--)
            {
                var pool = pools[random.Next(pools.Length)];
                sb.Append(pool[random.Next(pool.Length)]);
            }

            var text = sb.ToString();
            LabelText.Fold(text).Should().Be(text.Normalize(NormalizationForm.FormKC).Replace('\u3000', ' '), $"folding \"{text}\"");
        }
    }

    [TestCase("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开区分处理的只计这一情形不计其他情形")]
    [TestCase("3.危及“三安全一稳定”", "危及三安全一稳定")]
    [TestCase("商业\n企业", "商业企业")]
    [TestCase("一、本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量")]
    [TestCase("本年收费金额（单位：万元）", "本年收费金额单位万元")]
    public void NormalisesLabels(string printed, string normalized) => LabelText.Normalize(printed).Should().Be(normalized);

    [TestCase("1331", 1331)]
    [TestCase("1,331", 1331)]
    [TestCase("１３３１", 1331)]
    [TestCase(" 12 ", 12)]
    [TestCase("12.50", 12.5)]
    [TestCase("-5", -5)]
    [TestCase("0", 0)]
    [TestCase("007", 7)]
    public void ParsesPrintedNumbers(string text, double value) => LabelText.ParseNumber(text).Should().Be((decimal)value);

    [TestCase("999999999999999999")]
    [TestCase("1234567890123456789")]
    [TestCase("12345678901234567890123")]
    public void ParsesLongNumbersExactly(string text) =>
        LabelText.ParseNumber(text).Should().Be(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture));

    [TestCase("")]
    [TestCase("无")]
    [TestCase("—")]
    [TestCase("0件")]
    [TestCase("1.2.3")]
    [TestCase("12,34")]
    public void RefusesWhatIsNotANumber(string text) => LabelText.ParseNumber(text).Should().BeNull();

    [TestCase("", true)]
    [TestCase("0", true)]
    [TestCase("1,331", true)]
    [TestCase("１３３１", true)]
    [TestCase("无", true)]
    [TestCase("暂无", true)]
    [TestCase("空", true)]
    [TestCase("0件", true)]
    [TestCase("—", true)]
    [TestCase("本年新收", false)]
    [TestCase("3件以上", false)]
    [TestCase("无法提供", false)]
    [TestCase("12a", false)]
    [TestCase("⼀", false)] // a Kangxi radical, which folds to an ideograph
    public void TellsValuesFromLabels(string text, bool value) => LabelText.LooksLikeValue(text).Should().Be(value);

    [TestCase("一、总体情况", "一")]
    [TestCase("  十二. 其他", "十二")]
    [TestCase("\u3000三、收到和处理政府信息公开申请情况", "三")]
    [TestCase("⼆、主动公开", "二")] // a Kangxi radical, which folds to the numeral
    [TestCase("本机关一、二季度", null)]
    [TestCase("（一）主动公开", null)]
    [TestCase("2023年", null)]
    [TestCase("", null)]
    public void ReadsHeadingNumbers(string text, string? number) => LabelText.HeadingNumber(text).Should().Be(number);

    [Test]
    public void ToleratesTyposButNotOtherLabels()
    {
        LabelMatcher.Matches(LabelText.Normalize("5.属于三类内容事务信息"), LabelText.Normalize("5.属于三类内部事务信息")).Should().BeTrue();
        LabelMatcher.Matches(LabelText.Normalize("行政法复议"), LabelText.Normalize("行政复议")).Should().BeTrue();
        LabelMatcher.Matches("其他", "总计").Should().BeFalse();
        LabelMatcher.Matches(LabelText.Normalize("结果维持"), LabelText.Normalize("结果纠正")).Should().BeFalse();
    }
}
