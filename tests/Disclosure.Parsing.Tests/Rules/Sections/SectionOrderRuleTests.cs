using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules.Sections;

namespace Disclosure.Parsing.Tests.Rules.Sections;

[TestFixture]
public sealed class SectionOrderRuleTests
{
    private static Report WithHeadings(params (string Number, string Meaning)[] headings) =>
        TestReports.Consistent() with { Headings = headings.Select((h, i) => new ReportHeading(h.Number, h.Meaning, $"{h.Number}、…", $"line {i + 1}")).ToList() };

    [Test]
    public void FiresForAMisnumberedHeading()
    {
        var findings = new SectionOrderRule().Check(WithHeadings(("一", "一"), ("二", "二"), ("三", "三"), ("四", "四"), ("五", "六"))).ToList();

        findings.Should().ContainSingle().Which.Message.Should().Contain("编号为“五”").And.Contain("应为“六”");
    }

    [Test]
    public void FiresForARepeatedAndAnOutOfOrderSection()
    {
        var findings = new SectionOrderRule().Check(WithHeadings(("一", "一"), ("三", "三"), ("二", "二"), ("三", "三"))).ToList();

        findings.Select(static f => f.Message).Should().Contain(static m => m.Contains("排在第三部分之后")).And.Contain(static m => m.Contains("出现了两次"));
    }

    [Test]
    public void SilentForSixSectionsInOrder() =>
        new SectionOrderRule().Check(WithHeadings(("一", "一"), ("二", "二"), ("三", "三"), ("四", "四"), ("五", "五"), ("六", "六"))).Should().BeEmpty();
}
