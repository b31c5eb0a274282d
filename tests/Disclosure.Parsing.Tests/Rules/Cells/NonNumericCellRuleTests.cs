using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.Cells;
using Disclosure.Parsing.Rules.Sections;
using Disclosure.Parsing.Rules.Totals;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Rules;

[TestFixture]
public sealed class NonNumericCellRuleTests
{
    [TestCase("")]
    [TestCase("无")]
    [TestCase("—")]
    [TestCase("/")]
    [TestCase("0件")]
    [TestCase("若干")]
    public void FiresForBlankAndNonNumbers(string text)
    {
        var report = TestReports.Consistent().With("requests.granted.research", text);

        var finding = new NonNumericCellRule().Check(report).Should().ContainSingle().Subject;

        finding.Cells.Should().Equal("requests.granted.research");
        finding.Section.Should().Be("三");
    }

    [TestCase("1,331")]
    [TestCase("１３３１")]
    [TestCase(" 12 ")]
    public void SilentForNumbersInAnyPrintedForm(string text) =>
        new NonNumericCellRule().Check(TestReports.Consistent().With("active.licensing.decisions", text)).Should().BeEmpty();
}
