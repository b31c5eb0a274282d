using System.Diagnostics;
using System.Text;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Reading.Html;

namespace Disclosure.Parsing.Tests.Reading.Html;

/// <summary>
/// Pages nested far deeper than any browser nests (a batch met one of 200,000 divs) are read in time linear in their
/// length, without recursion: the bounds here are loose enough for a busy CI machine, and still far from quadratic.
/// </summary>
[TestFixture]
public sealed class HtmlDeepNestingTests
{
    [Test]
    public void ReadsAPageNested200000LevelsDeepInBoundedTime()
    {
        var html = Nested("<div>", "</div>", 200_000, "一、总体情况");
        html.Length.Should().BeGreaterThan(2_000_000);

        var watch = Stopwatch.StartNew();
        var doc = Read(html);

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        doc.Blocks.OfType<LayoutParagraph>().Select(static p => p.Text).Should().Equal("一、总体情况");
    }

    public static IEnumerable<TestCaseData> Shapes()
    {
        yield return Shape("nested divs", 25_000, static n => Nested("<div>", "</div>", n, "x"));
        yield return Shape("nested spans", 50_000, static n => Nested("<span>", "</span>", n, "x"));
        yield return Shape("nested tables", 6_000, static n => Nested("<table><tr><td>", "</td></tr></table>", n, "x"));
        yield return Shape("paragraphs in fonts", 50_000, static n => Nested("<font><p>", "</p></font>", n, "x"));
        yield return Shape("fonts of every size", 10_000, static n =>
            Nested(string.Empty, string.Empty, 0, string.Concat(Enumerable.Range(0, n).Select(static i => $"<p><font size={i}>x"))));
        yield return Shape("distinct tag names", 20_000, static n => Nested(string.Empty, string.Empty, 0,
            string.Concat(Enumerable.Range(0, n).Select(static i => $"<x{i}>文</x{i}>"))));
        yield return Shape("attributes", 20_000, static n => Nested(string.Empty, string.Empty, 0,
            "<p><b " + string.Concat(Enumerable.Range(0, n).Select(static i => $"a{i % 1000}=\"{i}\" ")) + ">文</b>"));
        yield return Shape("stray end tags", 50_000, static n => Nested("<div>", "</span></div>", n, "x"));
        yield return Shape("table rows", 5_000, static n => Nested(string.Empty, string.Empty, 0,
            "<table>" + string.Concat(Enumerable.Range(0, n).Select(static i => $"<tr><td>{i}<td>1<td>2<td>3<td>4<td>5")) + "</table>"));
        yield return Shape("rows spanned from above", 1_000, static n => Nested(string.Empty, string.Empty, 0,
            "<table>" + string.Concat(Enumerable.Range(0, n).Select(static i => $"<tr><td rowspan=100 colspan=100>{i}<td>1")) + "</table>"));
        yield return Shape("text", 200_000, static n => Nested(string.Empty, string.Empty, 0,
            "<p>" + string.Concat(Enumerable.Range(0, n).Select(static i => i % 3 == 0 ? "文&nbsp;" : i % 3 == 1 ? "<b>字</b>" : "a "))));
    }

    [TestCaseSource(nameof(Shapes))]
    public void CostGrowsLinearly(int size, Func<int, string> page)
    {
        Read(page(size / 4));
        var smallPage = page(size);
        var largePage = page(size * 4);

        // Linear is 4x; quadratic would be 16x every time. A busy machine can slow one measurement down (other builds
        // share CI's two cores), so a trial that looks quadratic is measured again, a few times at most.
        TimeSpan small = default, large = default;
        for (var trial = 0; trial < 5; trial++)
        {
            small = Fastest(smallPage);
            large = Fastest(largePage);
            if (large < small * 10)
            {
                break;
            }
        }

        large.Should().BeLessThan(small * 10, "4x the size took {0} against {1}", large, small);
    }

    [Test]
    public void NestingPastTheBrowsersLimitIsFlattenedAsTheDomReaderFlattenedIt()
    {
        // Past 512 levels elements become siblings instead of children, as in AngleSharp and Chromium: the text
        // still reads, in the same paragraphs.
        var html = Nested("<div>", "</div>", 600, "<p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr></table>") + "<p>后文</p>";

        var doc = Read(html);

        doc.Blocks.OfType<LayoutParagraph>().Select(static p => p.Text).Should().Equal("一、总体情况", "规章", "1", "后文");
        LayoutDump.Of(doc).Should().Be(LayoutDump.Of(ReferenceHtmlReader.Parse(html)));
    }

    [Test]
    public void PastTheLimitTextKeepsItsOrder()
    {
        // A DOM leaves text that follows a closed sibling in the element before it, out of order; a stream keeps the
        // order of the page (the one case where this reader and the DOM reader differ past the limit).
        var html = Nested("<div>", "</div>", 600, "<p>一、总体情况</p>本机关推进公开。");

        Read(html).Blocks.OfType<LayoutParagraph>().Select(static p => p.Text).Should().Equal("一、总体情况", "本机关推进公开。");
    }

    [Test]
    public void DeeplyNestedLayoutTablesDoNotOverflowTheStack()
    {
        // Each table holds the next: all of them are layout, and the innermost is a grid again.
        var html = Nested("<table><tr><td>", "</td></tr></table>", 100_000, "<table><tr><td>规章</td><td>1</td></tr></table>");

        var doc = Read(html);

        doc.Blocks.Should().NotBeEmpty();
    }

    private static TestCaseData Shape(string name, int size, Func<int, string> page) =>
        new TestCaseData(size, page).SetName($"CostGrowsLinearly({name})");

    private static LayoutDocument Read(string html) => new HtmlReader().Read(Encoding.UTF8.GetBytes(html));

    private static TimeSpan Fastest(string html)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            new HtmlReader().Read(bytes);
            fastest = watch.Elapsed < fastest ? watch.Elapsed : fastest;
        }

        return fastest;
    }

    private static string Nested(string open, string close, int depth, string inner)
    {
        var sb = new StringBuilder((open.Length + close.Length) * depth + inner.Length + 32).Append("<html><body>");
        for (var i = 0; i < depth; i++)
        {
            sb.Append(open);
        }

        sb.Append(inner);
        for (var i = 0; i < depth; i++)
        {
            sb.Append(close);
        }

        return sb.ToString();
    }
}
