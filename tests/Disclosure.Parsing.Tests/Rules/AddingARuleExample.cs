using System.Text;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;

namespace Disclosure.Parsing.Tests.Rules;

/// <summary>
/// The README's "Adding a rule", worked through: a rule written outside the library (as a user of the package would),
/// one class with its descriptor, plugged into a pipeline through the builder, with a case that fires and one that does not.
/// </summary>
[TestFixture]
public sealed class AddingARuleExample
{
    /// <summary>EX001: a report that received no request at all is worth a second look (a template filled with zeros).</summary>
    private sealed class NoRequestsRule : IReportRule
    {
        public static readonly RuleDescriptor Rule = new(
            "EX001", "Example", "No request was received all year", Severity.Note,
            "A whole year without a single disclosure request happens, but a table left at zeros happens too: check it.");

        public RuleDescriptor Descriptor => Rule;

        public IEnumerable<Finding> Check(Report report)
        {
            if (report.Value("requests.new.total") == 0 && report.Value("requests.carried_over.total") == 0)
            {
                yield return new Finding(Rule.Id, Rule.DefaultSeverity, "三", ["requests.new.total", "requests.carried_over.total"], null, 0m,
                    "第三部分全年未收到、也未结转任何政府信息公开申请，请核实");
            }
        }
    }

    private static readonly DisclosurePipeline Pipeline = new DisclosurePipelineBuilder { Rules = { new NoRequestsRule() } }.UseDefaultReaders().Build();

    [Test]
    public void FiresForAReportWithoutRequests()
    {
        // A township that received nothing all year, as many do: every section 三 number is 0, which still adds up.
        var quiet = Fixtures.SyntheticReport.Consistent(3);
        foreach (var key in quiet.Texts.Keys.Where(static k => k.StartsWith("requests.", StringComparison.Ordinal)).ToList())
        {
            quiet.Set(key, 0);
        }

        var text = Fixtures.ReportRenderer.CellPerLineText(quiet);

        Pipeline.Audit(Encoding.UTF8.GetBytes(text), "quiet.txt").Findings.Should().ContainSingle().Which.RuleId.Should().Be("EX001");
    }

    [Test]
    public void SilentForAReportWithRequests()
    {
        var text = Fixtures.ReportRenderer.CellPerLineText(Fixtures.SyntheticReport.Consistent(3));

        Pipeline.Audit(Encoding.UTF8.GetBytes(text), "busy.txt").Findings.Should().BeEmpty();
    }
}
