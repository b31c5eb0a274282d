using Disclosure.Parsing.Rules.CrossYear;

namespace Disclosure.Parsing.Tests.Rules.CrossYear;

[TestFixture]
public sealed class InForceRuleTests
{
    [Test]
    public void FiresWhenInForceDoesNotFollowFromLastYear()
    {
        var previous = TestReports.Consistent(1).With("active.regulations.in_force", "40").With("active.normative_documents.in_force", "100");
        var current = TestReports.Consistent(2)
            .With("active.regulations.in_force", "41").With("active.regulations.issued", "3").With("active.regulations.repealed", "2")
            .With("active.normative_documents.in_force", "110").With("active.normative_documents.issued", "12").With("active.normative_documents.repealed", "1");

        var finding = new InForceRule().Check(current, previous).Should().ContainSingle().Subject;

        finding.Cells.Should().Equal("active.normative_documents.in_force", "active.normative_documents.issued", "active.normative_documents.repealed");
        (finding.Expected, finding.Actual).Should().Be((111m, 110m));
    }

    [Test]
    public void SilentWhenLastYearHasNoValue() =>
        new InForceRule().Check(TestReports.Consistent(2), TestReports.Consistent(1).With("active.regulations.in_force", "无").With("active.normative_documents.in_force", ""))
            .Should().BeEmpty();
}
