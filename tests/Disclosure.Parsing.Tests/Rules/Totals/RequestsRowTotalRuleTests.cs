using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.Cells;
using Disclosure.Parsing.Rules.Sections;
using Disclosure.Parsing.Rules.Totals;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Rules;

[TestFixture]
public sealed class RequestsRowTotalRuleTests
{
    [Test]
    public void FiresForTheRowWhoseTotalIsWrong()
    {
        var finding = new RequestsRowTotalRule().Check(TestReports.Consistent().Bumped("requests.denied_inquiry.total", 1))
            .Should().ContainSingle().Subject;

        finding.Cells.Should().HaveCount(7).And.StartWith("requests.denied_inquiry.total");
        finding.Message.Should().Contain("8.属于行政查询事项").And.Contain("之和为");
    }

    [Test]
    public void SilentWhenRowsAddUp() => new RequestsRowTotalRule().Check(TestReports.Consistent()).Should().BeEmpty();
}
