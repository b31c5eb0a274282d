using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.Cells;
using Disclosure.Parsing.Rules.Sections;
using Disclosure.Parsing.Rules.Totals;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Rules;

[TestFixture]
public sealed class RuleCatalogTests
{
    [Test]
    public void IdsAreTheContractsAndUnique()
    {
        RuleCatalog.Descriptors.Select(static d => d.Id).Should().Contain(
            ["SEC001", "SEC002", "SEC003", "CELL001", "CELL002", "CELL003", "SUM001", "SUM002", "SUM003", "SUM004"]).And.OnlyHaveUniqueItems();
        RuleCatalog.Descriptors.Where(static d => d.Id.StartsWith("SUM") || d.Id is "SEC001" or "SEC002" or "SEC003" or "CELL001" or "CELL002" or "CELL003")
            .Should().OnlyContain(static d => d.DefaultSeverity == Severity.Error, "the contract's core rules are errors");
        RuleCatalog.Descriptors.Should().OnlyContain(static d => d.Help.Length > 20);
    }

    [Test]
    public void OptionsDisableRulesAndOverrideSeverities()
    {
        var report = TestReports.Consistent().Bumped("appeals.review.total", 1).With("requests.new.research", "无");
        var engine = new RuleEngine(RuleCatalog.CoreRules(), RuleCatalog.PairRules(), new AuditOptions
        {
            DisabledRules = new HashSet<string> { "CELL001" },
            SeverityOverrides = new Dictionary<string, Severity> { ["SUM004"] = Severity.Warning },
        });

        var findings = engine.Check(report);

        findings.Should().NotContain(static f => f.RuleId == "CELL001");
        findings.Should().ContainSingle(static f => f.RuleId == "SUM004").Which.Severity.Should().Be(Severity.Warning);
    }
}
