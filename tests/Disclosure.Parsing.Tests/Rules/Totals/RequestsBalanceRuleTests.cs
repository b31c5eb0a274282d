using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.Cells;
using Disclosure.Parsing.Rules.Sections;
using Disclosure.Parsing.Rules.Totals;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Rules;

[TestFixture]
public sealed class RequestsBalanceRuleTests
{
    [Test]
    public void FiresForTheColumnThatDoesNotBalance()
    {
        var report = TestReports.Consistent().Bumped("requests.new.research", 2).Bumped("requests.new.total", 2);

        var finding = new RequestsBalanceRule().Check(report).Should().ContainSingle(f => f.Cells.Contains("requests.new.research")).Subject;

        finding.Cells.Should().Equal("requests.new.research", "requests.carried_over.research", "requests.total.research", "requests.carried_forward.research");
        (finding.Expected - finding.Actual).Should().Be(2);
    }

    [Test]
    public void SilentWhenBalanced() => new RequestsBalanceRule().Check(TestReports.Consistent()).Should().BeEmpty();

    [Test]
    public void SilentWhereACellHasNoValue() =>
        new RequestsBalanceRule().Check(TestReports.Consistent().Bumped("requests.new.research", 2).With("requests.carried_over.research", "无"))
            .Should().NotContain(f => f.Cells.Contains("requests.new.research"));
}
