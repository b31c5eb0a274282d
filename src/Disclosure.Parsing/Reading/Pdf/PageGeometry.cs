using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;

namespace Disclosure.Parsing.Reading.Pdf;

/// <summary>A glyph in the page's reading frame: top-down coordinates, text running left to right.</summary>
internal readonly record struct Glyph(string Value, double Left, double Top, double Right, double Bottom, double Size, TextOrientation Orientation)
{
    public double CenterX => (Left + Right) / 2;

    public double CenterY => (Top + Bottom) / 2;
}

/// <summary>What PdfPig gave of one page: taken in one place, so that its failures are told apart from ours.</summary>
internal sealed record PageData(IReadOnlyList<Letter> Letters, IReadOnlyList<PdfPath> Paths, double Width, double Height, int Images);

/// <summary>A horizontal or vertical ruling line in the reading frame.</summary>
internal readonly record struct Ruling(bool Horizontal, double Position, double From, double To);

/// <summary>
/// Puts a page into its reading frame. A landscape table on a portrait page is drawn with rotated glyphs; the frame
/// turns the whole page (glyphs and rulings) so that the dominant text runs left to right, top to bottom.
/// </summary>
internal sealed class PageGeometry
{
    private readonly TextOrientation _frame;
    private readonly double _width;
    private readonly double _height;

    public PageGeometry(PageData page)
    {
        _width = page.Width;
        _height = page.Height;
        var letters = page.Letters;
        var counts = new Dictionary<TextOrientation, int>();
        foreach (var l in letters)
        {
            if (!string.IsNullOrWhiteSpace(l.Value))
            {
                counts[l.TextOrientation] = counts.GetValueOrDefault(l.TextOrientation) + 1;
            }
        }

        _frame = counts.Count == 0 ? TextOrientation.Horizontal : counts.MaxBy(static kv => kv.Value).Key;
        if (_frame == TextOrientation.Other)
        {
            _frame = TextOrientation.Horizontal;
        }

        Glyphs = letters.Where(static l => !string.IsNullOrWhiteSpace(l.Value)).Select(ToGlyph).ToList();
        TextSize = MedianSize(Glyphs);
        Rulings = ExtractRulings(page.Paths);
    }

    public List<Glyph> Glyphs { get; }

    /// <summary>
    /// The median size of the page's glyphs: the unit of the distances judged on the page (<see cref="PdfThresholds"/>),
    /// so that they scale with a report printed reduced or enlarged. The median, not the mean: a title or a footnote
    /// does not move it.
    /// </summary>
    public double TextSize { get; }

    public List<Ruling> Rulings { get; }

    /// <summary>The page's width in its reading frame (the height of a page turned a quarter).</summary>
    public double FrameWidth => _frame is TextOrientation.Rotate90 or TextOrientation.Rotate270 ? _height : _width;

    /// <summary>The page's height in its reading frame.</summary>
    public double FrameHeight => _frame is TextOrientation.Rotate90 or TextOrientation.Rotate270 ? _width : _height;

    private static double MedianSize(List<Glyph> glyphs)
    {
        if (glyphs.Count == 0)
        {
            return PdfThresholds.FallbackTextSize;
        }

        var sizes = new double[glyphs.Count];
        for (var i = 0; i < sizes.Length; i++)
        {
            sizes[i] = glyphs[i].Size;
        }

        Array.Sort(sizes);
        return sizes[sizes.Length / 2];
    }

    /// <summary>PDF user space (y up) to the reading frame (y down).</summary>
    private (double X, double Y) Map(double x, double y) => _frame switch
    {
        TextOrientation.Rotate90 => (y, x),
        TextOrientation.Rotate270 => (_height - y, _width - x),
        TextOrientation.Rotate180 => (_width - x, y),
        _ => (x, _height - y),
    };

    private Glyph ToGlyph(Letter l)
    {
        var box = l.BoundingBox;
        if (box.Width <= 0.01 || box.Height <= 0.01)
        {
            // Some fonts report empty glyph boxes (0.01 pt tells zero from rounding, not a distance on the page): fall
            // back to the baseline and the point size, a glyph half as wide as it is high and 0.8 of it above the baseline.
            // A size under 1 pt (0 where the font gives none) is no printed text at any scale: 1 keeps the box from vanishing.
            var size = Math.Max(l.PointSize, 1);
            box = new PdfRectangle(l.StartBaseLine.X, l.StartBaseLine.Y, Math.Max(l.EndBaseLine.X, l.StartBaseLine.X + (size * 0.5)), l.StartBaseLine.Y + (size * 0.8));
        }

        var (x1, y1) = Map(box.BottomLeft.X, box.BottomLeft.Y);
        var (x2, y2) = Map(box.TopRight.X, box.TopRight.Y);
        var (x3, y3) = Map(box.TopLeft.X, box.TopLeft.Y);
        var (x4, y4) = Map(box.BottomRight.X, box.BottomRight.Y);
        var left = Math.Min(Math.Min(x1, x2), Math.Min(x3, x4));
        var right = Math.Max(Math.Max(x1, x2), Math.Max(x3, x4));
        var top = Math.Min(Math.Min(y1, y2), Math.Min(y3, y4));
        var bottom = Math.Max(Math.Max(y1, y2), Math.Max(y3, y4));
        return new Glyph(l.Value, left, top, right, bottom, Math.Max(l.PointSize, bottom - top), Relative(l.TextOrientation));
    }

    // A glyph's orientation relative to the frame: upright in the frame is Horizontal.
    private TextOrientation Relative(TextOrientation o)
    {
        if (o == _frame || o == TextOrientation.Other)
        {
            return o == TextOrientation.Other ? o : TextOrientation.Horizontal;
        }

        static int Degrees(TextOrientation t) => t switch
        {
            TextOrientation.Rotate90 => 90,
            TextOrientation.Rotate180 => 180,
            TextOrientation.Rotate270 => 270,
            _ => 0,
        };

        return ((Degrees(o) - Degrees(_frame) + 360) % 360) switch
        {
            90 => TextOrientation.Rotate90,
            180 => TextOrientation.Rotate180,
            270 => TextOrientation.Rotate270,
            _ => TextOrientation.Horizontal,
        };
    }

    /// <summary>Horizontal and vertical lines from stroked paths and from thin filled rectangles (WPS draws borders so).</summary>
    private List<Ruling> ExtractRulings(IReadOnlyList<PdfPath> paths)
    {
        var thin = PdfThresholds.RulingThickness * TextSize;
        var result = new List<Ruling>();
        foreach (var path in paths)
        {
            if (path.IsClipping || (!path.IsStroked && !path.IsFilled))
            {
                continue;
            }

            foreach (var sub in path)
            {
                if (sub.IsDrawnAsRectangle || IsAxisAlignedBox(sub))
                {
                    var r = sub.GetBoundingRectangle();
                    if (r is not { } box)
                    {
                        continue;
                    }

                    var (ax, ay) = Map(box.Left, box.Bottom);
                    var (bx, by) = Map(box.Right, box.Top);
                    double left = Math.Min(ax, bx), right = Math.Max(ax, bx), top = Math.Min(ay, by), bottom = Math.Max(ay, by);
                    if (bottom - top <= thin && right - left > thin)
                    {
                        result.Add(new Ruling(true, (top + bottom) / 2, left, right));
                    }
                    else if (right - left <= thin && bottom - top > thin)
                    {
                        result.Add(new Ruling(false, (left + right) / 2, top, bottom));
                    }
                    else if (path.IsStroked && right - left > thin && bottom - top > thin)
                    {
                        result.Add(new Ruling(true, top, left, right));
                        result.Add(new Ruling(true, bottom, left, right));
                        result.Add(new Ruling(false, left, top, bottom));
                        result.Add(new Ruling(false, right, top, bottom));
                    }

                    continue;
                }

                if (!path.IsStroked)
                {
                    continue;
                }

                PdfPoint? start = null;
                PdfPoint? current = null;
                foreach (var command in sub.Commands)
                {
                    switch (command)
                    {
                        case PdfSubpath.Move m:
                            start = current = m.Location;
                            break;
                        case PdfSubpath.Line line:
                            AddLine(result, line.From, line.To);
                            current = line.To;
                            break;
                        case PdfSubpath.BezierCurve curve:
                            current = curve.EndPoint;
                            break;
                        case PdfSubpath.Close when start is { } s && current is { } c:
                            AddLine(result, c, s);
                            current = s;
                            break;
                    }
                }
            }
        }

        return result;
    }

    private bool IsAxisAlignedBox(PdfSubpath sub)
    {
        var lines = sub.Commands.OfType<PdfSubpath.Line>().ToList();
        var slant = PdfThresholds.BoxEdgeSlant * TextSize;
        return lines.Count is 3 or 4 && sub.Commands.OfType<PdfSubpath.BezierCurve>().Any() == false
            && lines.All(l => Math.Abs(l.From.X - l.To.X) < slant || Math.Abs(l.From.Y - l.To.Y) < slant)
            && sub.IsClosed();
    }

    private void AddLine(List<Ruling> result, PdfPoint from, PdfPoint to)
    {
        var (x1, y1) = Map(from.X, from.Y);
        var (x2, y2) = Map(to.X, to.Y);
        var slant = PdfThresholds.RulingSlant * TextSize;
        var length = PdfThresholds.RulingMinLength * TextSize;
        if (Math.Abs(y1 - y2) < slant && Math.Abs(x1 - x2) > length)
        {
            result.Add(new Ruling(true, (y1 + y2) / 2, Math.Min(x1, x2), Math.Max(x1, x2)));
        }
        else if (Math.Abs(x1 - x2) < slant && Math.Abs(y1 - y2) > length)
        {
            result.Add(new Ruling(false, (x1 + x2) / 2, Math.Min(y1, y2), Math.Max(y1, y2)));
        }
    }
}
