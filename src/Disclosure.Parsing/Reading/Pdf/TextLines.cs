using System.Text;
using UglyToad.PdfPig.Content;

namespace Disclosure.Parsing.Reading.Pdf;

/// <summary>A line of glyphs in reading order, with its extent.</summary>
internal sealed record TextLine(List<Glyph> Glyphs, double Top, double Bottom, double Left, double Right)
{
    public double Size => Glyphs.Average(static g => g.Size);
}

/// <summary>Groups glyphs into lines and lines into text, the way a person reads them.</summary>
internal static class TextLines
{
    /// <summary>Lines of upright glyphs, top to bottom, each left to right.</summary>
    /// <remarks>
    /// Runs once per table cell, so it avoids LINQ: the sorts are stable (ties keep their input order), as the
    /// orderings they replace were.
    /// </remarks>
    public static List<TextLine> Build(IReadOnlyList<Glyph> glyphs)
    {
        if (glyphs.Count == 0)
        {
            return [];
        }

        // Top to bottom by vertical middle, then left to right; the input index breaks ties.
        var order = new int[glyphs.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var c = glyphs[a].CenterY.CompareTo(glyphs[b].CenterY);
            if (c == 0)
            {
                c = glyphs[a].Left.CompareTo(glyphs[b].Left);
            }

            return c != 0 ? c : a.CompareTo(b);
        });

        var lines = new List<List<Glyph>>();
        foreach (var index in order)
        {
            var g = glyphs[index];

            // A glyph joins the nearest line above whose vertical middle band it overlaps.
            List<Glyph>? line = null;
            for (var l = lines.Count - 1; l >= 0; l--)
            {
                var last = lines[l][^1];
                if (Math.Abs(last.CenterY - g.CenterY) <= Math.Max(last.Size, g.Size) * 0.45)
                {
                    line = lines[l];
                    break;
                }
            }

            if (line is null)
            {
                lines.Add([g]);
            }
            else
            {
                line.Add(g);
            }
        }

        var result = new List<TextLine>(lines.Count);
        foreach (var line in lines)
        {
            InsertionSort(line, static (a, b) => a.Left.CompareTo(b.Left));
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
    public static string Text(List<Glyph> glyphs)
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
            return Join(Build(turned));
        }

        return Join(Build(glyphs));
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
            if (i > 0 && glyphs[i].Left - glyphs[i - 1].Right > Math.Min(glyphs[i].Size, glyphs[i - 1].Size) * 0.5)
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
            if (gap > glyphs[i].Size * gapInSizes || (numberStarts && gap > glyphs[i].Size * 0.35))
            {
                chunks.Add([]);
            }

            chunks[^1].Add(glyphs[i]);
        }

        return chunks;
    }
}
