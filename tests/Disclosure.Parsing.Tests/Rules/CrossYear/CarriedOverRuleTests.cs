using Disclosure.Parsing.Rules.CrossYear;

namespace Disclosure.Parsing.Tests.Rules.CrossYear;

[TestFixture]
public sealed class CarriedOverRuleTests
{
    [Test]
    public void FiresForTheColumnThatDoesNotCarryOver()
    {
        var previous = TestReports.Consistent(1) with { Year = 2023 };
        var current = (TestReports.Consistent(2) with { Year = 2024 });
        foreach (var c in new[] { "natural_person", "commercial", "research", "nonprofit", "legal_service", "other_org", "total" })
        {
            current = current.With($"requests.carried_over.{c}", previous.Cell($"requests.carried_forward.{c}")!.Text);
        }

        new CarriedOverRule().Check(current, previous).Should().BeEmpty();

        var finding = new CarriedOverRule().Check(current.Bumped("requests.carried_over.research", 1), previous).Should().ContainSingle().Subject;
        finding.Cells.Should().Equal("requests.carried_over.research");
        finding.Message.Should().Contain("2023年");
    }
}
