using Disclosure.Cli;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Tests.Cli;

[TestFixture]
public sealed class RuleOptionsTests
{
    [Test]
    public void ReadsARulesFile()
    {
        var options = DisclosureCommand.ReadRulesFile("""{"severity": {"sum002": "warning"}, "disable": ["CELL001"]}""");

        options.SeverityOverrides.Should().ContainKey("SUM002").WhoseValue.Should().Be(Severity.Warning);
        options.DisabledRules.Should().Contain("CELL001");
    }

    [TestCase("""{"severity": {"SUM999": "warning"}}""")]
    [TestCase("""{"severity": {"SUM002": "loud"}}""")]
    [TestCase("not json")]
    public void RefusesWhatItCannotApply(string json)
    {
        var act = () => DisclosureCommand.ReadRulesFile(json);

        act.Should().Throw<FormatException>();
    }
}
