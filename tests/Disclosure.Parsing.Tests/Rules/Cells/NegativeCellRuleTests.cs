using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.Cells;
using Disclosure.Parsing.Rules.Sections;
using Disclosure.Parsing.Rules.Totals;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Rules;

[TestFixture]
public sealed class NegativeCellRuleTests
{
    [Test]
    public void FiresOncePerRowNamingEveryNegativeCell()
    {
        var report = TestReports.Consistent().With("requests.carried_forward.commercial", "-5").With("requests.carried_forward.total", "-5");

        var finding = new NegativeCellRule().Check(report).Should().ContainSingle().Subject;

        finding.Cells.Should().BeEquivalentTo("requests.carried_forward.commercial", "requests.carried_forward.total");
    }

    [Test]
    public void SilentForSignedCells()
    {
        var report = TestReports.Consistent().With("active2019.licensing.change", "-3");

        new NegativeCellRule().Check(report).Should().BeEmpty();
    }
}
