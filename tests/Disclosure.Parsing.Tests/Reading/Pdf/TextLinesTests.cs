using Disclosure.Parsing.Reading.Pdf;
using UglyToad.PdfPig.Content;

namespace Disclosure.Parsing.Tests.Reading.Pdf;

[TestFixture]
public sealed class TextLinesTests
{
    [Test]
    public void BuildGroupsAndOrdersGlyphsAsThePlainStableSortsDo()
    {
        // Positions on a coarse grid, so that ties in the vertical middle and in the left edge are common, and sizes
        // that vary within a line, as punctuation and digits do.
        var random = new Random(7);
        for (var round = 0; round < 400; round++)
        {
            var glyphs = new List<Glyph>();
            var count = random.Next(1, 90);
            for (var i = 0; i < count; i++)
            {
                var size = 8 + random.Next(0, 5);
                var left = random.Next(0, 40) * 3.0;
                var top = (random.Next(0, 12) * 6.0) + (random.Next(0, 3) * 0.5);
                glyphs.Add(new Glyph(((char)('a' + (i % 26))).ToString(), left, top, left + (size * 0.6), top + size, size, TextOrientation.Horizontal));
            }

            var lines = TextLines.Build(glyphs);

            var expected = Reference(glyphs);
            lines.Select(static l => l.Glyphs).Should().BeEquivalentTo(expected, static o => o.WithStrictOrdering());
            lines.Select(static l => l.Size).Should().Equal(expected.Select(static l => l.Average(static g => g.Size)));
        }
    }

    /// <summary>The rule written out plainly: LINQ's orderings are stable.</summary>
    private static List<List<Glyph>> Reference(List<Glyph> glyphs)
    {
        var lines = new List<List<Glyph>>();
        foreach (var g in glyphs.Select(static (g, i) => (g, i)).OrderBy(static x => x.g.CenterY).ThenBy(static x => x.g.Left).ThenBy(static x => x.i).Select(static x => x.g))
        {
            var line = lines.LastOrDefault(l => Math.Abs(l[^1].CenterY - g.CenterY) <= Math.Max(l[^1].Size, g.Size) * 0.45);
            if (line is null)
            {
                lines.Add([g]);
            }
            else
            {
                line.Add(g);
            }
        }

        return lines.Select(static l => l.OrderBy(static g => g.Left).ToList()).OrderBy(static l => l.Min(static g => g.Top)).ToList();
    }
}
