using System.Diagnostics;
using System.Text;

namespace Disclosure.Parsing.Tests.Robustness;

/// <summary>
/// HTML nested far deeper than any page: AngleSharp's tree building is quadratic in the depth of open elements, so these
/// take minutes where a report takes milliseconds. The HTML reader is being rewritten; until it bounds the depth these
/// stay out of the default run (the mutation corpus nests HTML at most 1 000 deep) and are run by name.
/// </summary>
[TestFixture]
[Explicit("HTML reader rewrite pending: AngleSharp takes minutes on elements nested 100 000 deep")]
public sealed class HtmlNestingTests
{
    [TestCase("<div>", "</div>")]
    [TestCase("<b><i>", "")]
    [TestCase("<table><tr><td>", "</td></tr></table>")]
    public void AHundredThousandDeepComesBackInTime(string open, string close)
    {
        const int depth = 100_000;
        var page = File.ReadAllText(Path.Combine(TestPaths.TestData, "html", "plain.html"));
        var nested = new StringBuilder().Insert(0, open, depth).Append('x').Append(new StringBuilder().Insert(0, close, depth));
        var bytes = Encoding.UTF8.GetBytes(page.Replace("<body>", "<body>" + nested, StringComparison.OrdinalIgnoreCase));
        var watch = Stopwatch.StartNew();

        var audit = Task.Run(() => DisclosurePipeline.Default.Audit(bytes, "deep.html"));
        var finished = audit.Wait(TimeSpan.FromSeconds(20));

        finished.Should().BeTrue("a page nested {0} deep must come back within 20 s (took {1:0} s so far)", depth, watch.Elapsed.TotalSeconds);
        audit.Result.ErrorKind.Should().NotBe(Model.FailureKind.InternalError);
    }
}
