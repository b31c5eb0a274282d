using System.Diagnostics;
using System.Text;

namespace Disclosure.Parsing.Tests.Robustness;

/// <summary>
/// HTML nested far deeper than any page, around a report: AngleSharp's tree building was quadratic in the depth of open
/// elements (minutes here); the streaming reader flattens past 512 levels, as browsers do, and must come back at once
/// with the report still read.
/// </summary>
[TestFixture]
public sealed class HtmlNestingTests
{
    [TestCase("<div>", "</div>", true)]
    [TestCase("<table><tr><td>", "</td></tr></table>", true)]

    // 200 000 formatting elements left open: the parser's stack is bounded (64 Ki elements), so past it the tables that
    // follow lose their structure. Read in time and without a defect; no page a person reads is like this.
    [TestCase("<b><i>", "", false)]
    public void AHundredThousandDeepComesBackInTime(string open, string close, bool readWhole)
    {
        const int depth = 100_000;
        var page = File.ReadAllText(Path.Combine(TestPaths.TestData, "html", "plain.html"));
        var nested = new StringBuilder().Insert(0, open, depth).Append('x').Append(new StringBuilder().Insert(0, close, depth));
        var bytes = Encoding.UTF8.GetBytes(page.Replace("<body>", "<body>" + nested, StringComparison.OrdinalIgnoreCase));
        var watch = Stopwatch.StartNew();

        var audit = Task.Run(() => DisclosurePipeline.Default.Audit(bytes, "deep.html"));
        var finished = audit.Wait(TimeSpan.FromSeconds(20));

        finished.Should().BeTrue("a page nested {0} deep must come back within 20 s (took {1:0} s so far)", depth, watch.Elapsed.TotalSeconds);
        audit.Result.ErrorKind.Should().NotBe(Disclosure.Parsing.Model.FailureKind.InternalError);
        if (readWhole)
        {
            audit.Result.Error.Should().BeNull();
            audit.Result.Report!.Cells.Should().HaveCount(200, "the report around the nesting is read whole");
        }
    }
}
