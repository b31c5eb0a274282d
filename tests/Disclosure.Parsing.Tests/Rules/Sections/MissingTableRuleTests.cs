using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.Cells;
using Disclosure.Parsing.Rules.Sections;
using Disclosure.Parsing.Rules.Totals;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Rules;

[TestFixture]
public sealed class MissingTableRuleTests
{
    [Test]
    public void FiresForAMissingTable()
    {
        var report = TestReports.Consistent();
        report = report with { Tables = report.Tables.Select(static t => t.Name == "appeals" ? t with { Found = false } : t).ToList() };

        new MissingTableRule().Check(report).Should().ContainSingle().Which.Section.Should().Be("四");
    }

    [Test]
    public void SilentWhenAllTablesArePresent() => new MissingTableRule().Check(TestReports.Consistent()).Should().BeEmpty();
}
