using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.Cells;
using Disclosure.Parsing.Rules.Sections;
using Disclosure.Parsing.Rules.Totals;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Rules;

[TestFixture]
public sealed class AppealsBlockTotalRuleTests
{
    [Test]
    public void FiresForTheBlockWhoseTotalIsWrong()
    {
        var finding = new AppealsBlockTotalRule().Check(TestReports.Consistent().Bumped("appeals.litigation_after_review.total", 1))
            .Should().ContainSingle().Subject;

        finding.Cells.Should().Equal("appeals.litigation_after_review.total", "appeals.litigation_after_review.upheld",
            "appeals.litigation_after_review.corrected", "appeals.litigation_after_review.other", "appeals.litigation_after_review.pending");
        finding.Section.Should().Be("四");
    }

    [Test]
    public void SilentWhenBlocksAddUp() => new AppealsBlockTotalRule().Check(TestReports.Consistent()).Should().BeEmpty();
}
