using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;

namespace Disclosure.Parsing.Tests.Rules;

[TestFixture]
public sealed class RuleFailureTests
{
    /// <summary>A rule with a defect: it throws on every report, after a finding of its own.</summary>
    private sealed class ThrowingRule : IReportRule
    {
        public static readonly RuleDescriptor Rule = new("EX900", "Example", "Always throws", Severity.Error, "A rule with a defect, for the test.");

        public RuleDescriptor Descriptor => Rule;

        public IEnumerable<Finding> Check(Report report)
        {
            yield return new Finding(Rule.Id, Rule.DefaultSeverity, null, [], null, null, "half an answer");
            throw new InvalidOperationException("the rule's own bug");
        }
    }

    private static DisclosurePipeline Pipeline(Action<DisclosurePipelineBuilder>? configure = null)
    {
        var builder = new DisclosurePipelineBuilder().UseCoreRules();
        configure?.Invoke(builder);
        return builder.Build();
    }

    // A report with a broken total and a negative cell: findings of other rules that must survive the failure.
    private static Report Broken() => TestReports.Consistent().Bumped("requests.new.natural_person", 2).With("requests.withdrawn.natural_person", "-1");

    [Test]
    public void AThrowingRuleGivesAFindingNamingItAndTheOtherRulesStillRun()
    {
        var healthy = Pipeline().Check(Broken());
        healthy.Should().NotBeEmpty();

        var findings = Pipeline(static b => b.Rules.Add(new ThrowingRule())).Check(Broken());

        var failure = findings.Should().ContainSingle(static f => f.RuleId == RuleFailure.Rule.Id).Subject;
        failure.Severity.Should().Be(Severity.Warning);
        failure.Message.Should().Contain("EX900").And.Contain("InvalidOperationException").And.Contain("the rule's own bug");
        findings.Where(static f => f.RuleId != RuleFailure.Rule.Id).Should().BeEquivalentTo(healthy, "every other rule's findings stand");
        findings.Should().NotContain(static f => f.RuleId == ThrowingRule.Rule.Id, "a failed rule's partial answer is not given");
    }

    [Test]
    public void SilentWhenEveryRuleRuns() =>
        Pipeline().Check(Broken()).Should().NotContain(static f => f.RuleId == RuleFailure.Rule.Id);

    [Test]
    public void ItCanBeDisabledOrGivenAnotherSeverityLikeAnyRule()
    {
        Pipeline(static b =>
        {
            b.Rules.Add(new ThrowingRule());
            b.AuditOptions = new AuditOptions { DisabledRules = new HashSet<string> { "RULE001" } };
        }).Check(Broken()).Should().NotContain(static f => f.RuleId == RuleFailure.Rule.Id);

        Pipeline(static b =>
        {
            b.Rules.Add(new ThrowingRule());
            b.AuditOptions = new AuditOptions { SeverityOverrides = new Dictionary<string, Severity> { ["RULE001"] = Severity.Error } };
        }).Check(Broken()).Single(static f => f.RuleId == RuleFailure.Rule.Id).Severity.Should().Be(Severity.Error);
    }
}
