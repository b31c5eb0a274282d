using System.Text;
using UglyToad.PdfPig.Content;

namespace Disclosure.Parsing.Reading.Pdf;

/// <summary>A line of glyphs in reading order, with its extent.</summary>
internal sealed record TextLine(List<Glyph> Glyphs, double Top, double Bottom, double Left, double Right)
{
    /// <summary>The glyphs' mean size: taken once, a line's glyphs do not change after it is built.</summary>
    public double Size { get; } = MeanSize(Glyphs);

    // Summed in order, as Enumerable.Average does, so that the mean is the same to the last bit.
    private static double MeanSize(List<Glyph> glyphs)
    {
        if (glyphs.Count == 0)
        {
            throw new InvalidOperationException("a line has at least one glyph");
        }

        var sum = 0.0;
        foreach (var g in glyphs)
        {
            sum += g.Size;
        }

        return sum / glyphs.Count;
    }
}

/// <summary>Groups glyphs into lines and lines into text, the way a person reads them.</summary>
internal static class TextLines
{
    /// <summary>Lines of upright glyphs, top to bottom, each left to right.</summary>
    /// <param name="glyphs">The glyphs.</param>
    /// <param name="tolerance">
    /// How far a glyph's vertical middle may lie from a line's, in the larger glyph's sizes (<see cref="PdfReaderOptions.LineTolerance"/>).
    /// </param>
    /// <remarks>
    /// Runs once per table cell, so it avoids LINQ and sorts keys rather than glyphs. Every ordering here is the
    /// stable one (ties keep their input order), as the orderings it replaced were.
    /// </remarks>
    public static List<TextLine> Build(IReadOnlyList<Glyph> glyphs, double tolerance = PdfThresholds.LineTolerance)
    {
        if (glyphs.Count == 0)
        {
            return [];
        }

        // Top to bottom by vertical middle, then left to right; the input index breaks ties.
        var order = new (double CenterY, double Left, int Index)[glyphs.Count];
        for (var i = 0; i < order.Length; i++)
        {
            var g = glyphs[i];
            order[i] = (g.CenterY, g.Left, i);
        }

        Array.Sort(order, static (a, b) =>
        {
            var c = a.CenterY.CompareTo(b.CenterY);
            if (c == 0)
            {
                c = a.Left.CompareTo(b.Left);
            }

            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });

        // A glyph joins the nearest line above whose vertical middle band it overlaps (the line's last glyph).
        var lines = new List<List<Glyph>>();
        var lastCenter = new List<double>();
        var lastSize = new List<double>();
        foreach (var (centerY, _, index) in order)
        {
            var g = glyphs[index];
            var joined = -1;
            for (var l = lines.Count - 1; l >= 0; l--)
            {
                if (Math.Abs(lastCenter[l] - centerY) <= Math.Max(lastSize[l], g.Size) * tolerance)
                {
                    joined = l;
                    break;
                }
            }

            if (joined < 0)
            {
                lines.Add([g]);
                lastCenter.Add(centerY);
                lastSize.Add(g.Size);
            }
            else
            {
                lines[joined].Add(g);
                lastCenter[joined] = centerY;
                lastSize[joined] = g.Size;
            }
        }

        var result = new List<TextLine>(lines.Count);
        foreach (var line in lines)
        {
            SortByLeft(line);
            double top = double.MaxValue, bottom = double.MinValue, left = double.MaxValue, right = double.MinValue;
            foreach (var g in line)
            {
                top = Math.Min(top, g.Top);
                bottom = Math.Max(bottom, g.Bottom);
                left = Math.Min(left, g.Left);
                right = Math.Max(right, g.Right);
            }

            result.Add(new TextLine(line, top, bottom, left, right));
        }

        InsertionSort(result, static (a, b) => a.Top.CompareTo(b.Top));
        return result;
    }

    /// <summary>
    /// Left to right, ties in the order the glyphs joined the line. A line's glyphs arrive by vertical middle, so
    /// punctuation and digits that sit higher or lower come out of place: an insertion sort went quadratic here.
    /// </summary>
    private static void SortByLeft(List<Glyph> line)
    {
        var sorted = true;
        for (var i = 1; i < line.Count && sorted; i++)
        {
            sorted = line[i - 1].Left.CompareTo(line[i].Left) <= 0;
        }

        if (sorted)
        {
            return;
        }

        var keys = new (double Left, int Index)[line.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (line[i].Left, i);
        }

        Array.Sort(keys, static (a, b) =>
        {
            var c = a.Left.CompareTo(b.Left);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        var glyphs = line.ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            line[i] = glyphs[keys[i].Index];
        }
    }

    /// <summary>A stable sort for the short, nearly sorted lists here.</summary>
    private static void InsertionSort<T>(List<T> items, Comparison<T> compare)
    {
        for (var i = 1; i < items.Count; i++)
        {
            var item = items[i];
            var j = i - 1;
            while (j >= 0 && compare(items[j], item) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = item;
        }
    }

    /// <summary>
    /// The text of glyphs that belong together (one table cell): lines joined by line breaks, a space where a gap
    /// is wider than half a character. Glyphs turned sideways (a vertical label) are read in their own direction.
    /// </summary>
    public static string Text(List<Glyph> glyphs, double tolerance = PdfThresholds.LineTolerance)
    {
        if (glyphs.Count == 0)
        {
            return string.Empty;
        }

        var rotated = glyphs.Count(static g => g.Orientation is TextOrientation.Rotate90 or TextOrientation.Rotate270);
        if (rotated * 2 > glyphs.Count)
        {
            // Sideways text: read along the glyphs' baseline, which runs up (90) or down (270) the page.
            var upward = glyphs.Count(static g => g.Orientation == TextOrientation.Rotate90) * 2 > rotated;
            var turned = glyphs.Select(g => upward
                    ? g with { Left = -g.Bottom, Right = -g.Top, Top = g.Left, Bottom = g.Right }
                    : g with { Left = g.Top, Right = g.Bottom, Top = -g.Right, Bottom = -g.Left })
                .ToList();
            return Join(Build(turned, tolerance));
        }

        return Join(Build(glyphs, tolerance));
    }

    public static string Join(List<TextLine> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(LineText(line.Glyphs));
        }

        return sb.ToString();
    }

    public static string LineText(List<Glyph> glyphs)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < glyphs.Count; i++)
        {
            if (i > 0 && glyphs[i].Left - glyphs[i - 1].Right > Math.Min(glyphs[i].Size, glyphs[i - 1].Size) * PdfThresholds.WordGap)
            {
                sb.Append(' ');
            }

            sb.Append(glyphs[i].Value);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Splits a line into chunks where the gap is wider than <paramref name="gapInSizes"/> characters, or where a
    /// number starts after a visible gap: a label that fills its cell stands close to the first value.
    /// </summary>
    public static List<List<Glyph>> Chunks(List<Glyph> glyphs, double gapInSizes)
    {
        var chunks = new List<List<Glyph>> { new() { glyphs[0] } };
        for (var i = 1; i < glyphs.Count; i++)
        {
            var gap = glyphs[i].Left - glyphs[i - 1].Right;
            var numberStarts = char.IsAsciiDigit(glyphs[i].Value[0]) && !char.IsAsciiDigit(glyphs[i - 1].Value[0]) && glyphs[i - 1].Value is not ("." or "," or "-");
            if (gap > glyphs[i].Size * gapInSizes || (numberStarts && gap > glyphs[i].Size * PdfThresholds.NumberGap))
            {
                chunks.Add([]);
            }

            chunks[^1].Add(glyphs[i]);
        }

        return chunks;
    }
}
