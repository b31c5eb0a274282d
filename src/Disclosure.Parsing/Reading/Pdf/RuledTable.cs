namespace Disclosure.Parsing.Reading.Pdf;

/// <summary>
/// A table rebuilt from ruling lines: the grid from the distinct line positions, cells merged where the line between
/// two grid cells is missing, each glyph given to the cell that contains its centre.
/// </summary>
internal sealed class RuledTable
{
    private readonly double _margin;

    private RuledTable(List<double> xs, List<double> ys, List<(int Row, int Column, int RowSpan, int ColumnSpan)> cells, double margin)
    {
        Xs = xs;
        Ys = ys;
        Cells = cells;
        _margin = margin;
    }

    /// <summary>Column boundaries, left to right.</summary>
    public List<double> Xs { get; }

    /// <summary>Row boundaries, top to bottom.</summary>
    public List<double> Ys { get; }

    /// <summary>Merged cells as grid rectangles.</summary>
    public List<(int Row, int Column, int RowSpan, int ColumnSpan)> Cells { get; }

    public double Left => Xs[0];

    public double Right => Xs[^1];

    public double Top => Ys[0];

    public double Bottom => Ys[^1];

    /// <summary>Whether a point lies in the table's frame, or outside it by no more than the frame margin.</summary>
    public bool Contains(double x, double y) => x >= Left - _margin && x <= Right + _margin && y >= Top - _margin && y <= Bottom + _margin;

    /// <summary>The grid cell (row, column) holding a point, or null outside the grid.</summary>
    public (int Row, int Column)? Locate(double x, double y)
    {
        var c = Index(Xs, x);
        var r = Index(Ys, y);
        return c < 0 || r < 0 ? null : (r, c);
    }

    /// <summary>The tables on a page: connected groups of rulings with at least two lines each way.</summary>
    /// <param name="rulings">The page's ruling lines.</param>
    /// <param name="snap">
    /// In points: lines this close are one grid line, a line stopping this short of another meets it
    /// (<see cref="PdfReaderOptions.RulingTolerance"/> times the page's text size).
    /// </param>
    /// <param name="margin">In points: how far outside its frame a glyph's centre still belongs to a table (<see cref="PdfThresholds.TableFrameMargin"/>).</param>
    public static List<RuledTable> Find(List<Ruling> rulings, double snap, double margin)
    {
        var lines = Merge(rulings, snap);
        var parent = Enumerable.Range(0, lines.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < lines.Count; i++)
        {
            for (var j = i + 1; j < lines.Count; j++)
            {
                if (lines[i].Horizontal != lines[j].Horizontal && Touch(lines[i], lines[j], snap))
                {
                    parent[Root(i)] = Root(j);
                }
            }
        }

        var tables = new List<RuledTable>();
        foreach (var group in Enumerable.Range(0, lines.Count).GroupBy(Root))
        {
            var members = group.Select(i => lines[i]).ToList();
            var h = members.Where(static l => l.Horizontal).ToList();
            var v = members.Where(static l => !l.Horizontal).ToList();
            if (h.Count >= 2 && v.Count >= 2)
            {
                tables.Add(Build(h, v, snap, margin));
            }
        }

        return tables.Where(static t => t.Xs.Count >= 2 && t.Ys.Count >= 2).OrderBy(static t => t.Top).ToList();
    }

    private static RuledTable Build(List<Ruling> h, List<Ruling> v, double snap, double margin)
    {
        var xs = Cluster(v.Select(static l => l.Position), snap);
        var ys = Cluster(h.Select(static l => l.Position), snap);
        var rows = ys.Count - 1;
        var cols = xs.Count - 1;
        var parent = Enumerable.Range(0, Math.Max(0, rows * cols)).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                // No wall to the right: the two grid cells are one merged cell.
                if (c + 1 < cols && !Covered(v, xs[c + 1], ys[r], ys[r + 1], snap))
                {
                    parent[Root((r * cols) + c)] = Root((r * cols) + c + 1);
                }

                if (r + 1 < rows && !Covered(h, ys[r + 1], xs[c], xs[c + 1], snap))
                {
                    parent[Root((r * cols) + c)] = Root(((r + 1) * cols) + c);
                }
            }
        }

        var cells = Enumerable.Range(0, rows * cols)
            .GroupBy(Root)
            .Select(g =>
            {
                var rs = g.Select(i => i / cols).ToList();
                var cs = g.Select(i => i % cols).ToList();
                return (rs.Min(), cs.Min(), rs.Max() - rs.Min() + 1, cs.Max() - cs.Min() + 1);
            })
            .OrderBy(static c => c.Item1).ThenBy(static c => c.Item2)
            .ToList();
        return new RuledTable(xs, ys, cells, margin);
    }

    // Whether lines at `position` cover most of the span from..to.
    private static bool Covered(List<Ruling> lines, double position, double from, double to, double snap)
    {
        var covered = 0.0;
        foreach (var l in lines)
        {
            if (Math.Abs(l.Position - position) <= snap)
            {
                covered += Math.Max(0, Math.Min(to, l.To) - Math.Max(from, l.From));
            }
        }

        return covered >= (to - from) * 0.5;
    }

    private static bool Touch(Ruling a, Ruling b, double snap)
    {
        var (h, v) = a.Horizontal ? (a, b) : (b, a);
        return v.Position >= h.From - snap && v.Position <= h.To + snap && h.Position >= v.From - snap && h.Position <= v.To + snap;
    }

    /// <summary>
    /// Joins collinear pieces (a border drawn cell by cell) into whole lines: pieces within half a snap of each other
    /// across (the strokes of one line), and a snap along (a gap left by rounding).
    /// </summary>
    private static List<Ruling> Merge(List<Ruling> rulings, double snap)
    {
        var result = new List<Ruling>();
        foreach (var group in rulings.GroupBy(static r => r.Horizontal))
        {
            var sorted = group.OrderBy(static r => r.Position).ThenBy(static r => r.From).ToList();
            var bands = new List<List<Ruling>>();
            foreach (var r in sorted)
            {
                if (bands.Count > 0 && Math.Abs(bands[^1][0].Position - r.Position) <= snap / 2)
                {
                    bands[^1].Add(r);
                }
                else
                {
                    bands.Add([r]);
                }
            }

            foreach (var band in bands)
            {
                var position = band.Average(static r => r.Position);
                var pieces = band.OrderBy(static r => r.From).ToList();
                var from = pieces[0].From;
                var to = pieces[0].To;
                foreach (var p in pieces.Skip(1))
                {
                    if (p.From <= to + snap)
                    {
                        to = Math.Max(to, p.To);
                    }
                    else
                    {
                        result.Add(new Ruling(group.Key, position, from, to));
                        (from, to) = (p.From, p.To);
                    }
                }

                result.Add(new Ruling(group.Key, position, from, to));
            }
        }

        return result;
    }

    private static List<double> Cluster(IEnumerable<double> values, double snap)
    {
        var result = new List<double>();
        foreach (var v in values.Order())
        {
            if (result.Count > 0 && v - result[^1] <= snap)
            {
                continue;
            }

            result.Add(v);
        }

        return result;
    }

    private static int Index(List<double> bounds, double value)
    {
        for (var i = 0; i < bounds.Count - 1; i++)
        {
            if (value >= bounds[i] && value < bounds[i + 1])
            {
                return i;
            }
        }

        return -1;
    }
}
