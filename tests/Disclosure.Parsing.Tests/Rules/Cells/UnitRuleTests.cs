using Disclosure.Parsing.Rules.Cells;

namespace Disclosure.Parsing.Tests.Rules.Cells;

[TestFixture]
public sealed class UnitRuleTests
{
    [TestCase("active.fees.amount", "3940元")]
    [TestCase("active.fees.amount", "12件")]
    [TestCase("active.licensing.decisions", "12万元")]
    public void FiresForAUnitThatContradictsTheColumn(string key, string text) =>
        new UnitRule().Check(TestReports.Consistent().With(key, text)).Should().ContainSingle().Which.Cells.Should().Equal(key);

    [TestCase("active.fees.amount", "0.39万元")]
    [TestCase("active.licensing.decisions", "12件")]
    [TestCase("active.licensing.decisions", "12")]
    public void SilentForTheColumnsOwnUnitOrNone(string key, string text) =>
        new UnitRule().Check(TestReports.Consistent().With(key, text)).Should().BeEmpty();
}
