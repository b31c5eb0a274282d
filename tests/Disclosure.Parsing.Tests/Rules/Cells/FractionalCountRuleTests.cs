using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.Cells;
using Disclosure.Parsing.Rules.Sections;
using Disclosure.Parsing.Rules.Totals;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Rules;

[TestFixture]
public sealed class FractionalCountRuleTests
{
    [Test]
    public void FiresForAFractionalCount() =>
        new FractionalCountRule().Check(TestReports.Consistent().With("active.licensing.decisions", "12.5"))
            .Should().ContainSingle().Which.Cells.Should().Equal("active.licensing.decisions");

    [Test]
    public void SilentForADecimalAmount() =>
        new FractionalCountRule().Check(TestReports.Consistent().With("active.fees.amount", "12.57")).Should().BeEmpty();
}
