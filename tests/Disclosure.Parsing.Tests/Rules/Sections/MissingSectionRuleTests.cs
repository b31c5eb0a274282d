using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.Cells;
using Disclosure.Parsing.Rules.Sections;
using Disclosure.Parsing.Rules.Totals;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Rules;

[TestFixture]
public sealed class MissingSectionRuleTests
{
    [Test]
    public void FiresForAMissingSection()
    {
        var report = TestReports.Consistent();
        report = report with { Sections = report.Sections.Select(static s => s.Number == "五" ? s with { Found = false } : s).ToList() };

        var finding = new MissingSectionRule().Check(report).Should().ContainSingle().Subject;

        finding.RuleId.Should().Be("SEC001");
        finding.Section.Should().Be("五");
        finding.Message.Should().Contain("第五部分");
    }

    [Test]
    public void SilentWhenAllSixArePresent() => new MissingSectionRule().Check(TestReports.Consistent()).Should().BeEmpty();
}
