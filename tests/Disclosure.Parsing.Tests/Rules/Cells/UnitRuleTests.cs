using System.Diagnostics;
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

    [TestCase("")]
    [TestCase("件")]
    public void ALongRunOfFiguresIsCheckedInLinearTime(string unit)
    {
        // A damaged cell: half a million figures in one line, with or without a unit at its end.
        var text = "3371" + string.Concat(Enumerable.Repeat(" 1", 500_000)) + unit;
        var watch = Stopwatch.StartNew();

        var findings = new UnitRule().Check(TestReports.Consistent().With("active.fees.amount", text)).ToList();

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        findings.Should().HaveCount(unit.Length);
    }
}
