using System.Globalization;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Recognition;

/// <summary>
/// One row of a table whose cells a crawler glued together: its runs of digits (a space between two runs is a
/// boundary between cells; the absence of one is not), the kind of each cell, and the totals inside the row
/// (a cell that is the sum of cells before it: section 三's 总计 column, section 四's block totals).
/// </summary>
/// <param name="Runs">The runs of digits, in order; each is split into one or more whole cells.</param>
/// <param name="Kinds">The kind of each cell, in order; the row has this many cells.</param>
/// <param name="Totals">Identities inside the row: cell <c>Target</c> equals the sum of <c>Parts</c>, all before it.</param>
internal sealed record GluedLine(IReadOnlyList<string> Runs, IReadOnlyList<CellKind> Kinds, IReadOnlyList<(int Target, int[] Parts)> Totals);

/// <summary>An identity across rows: the sum of <c>Coefficient × cell</c> over its terms is zero.</summary>
internal sealed record CrossIdentity(IReadOnlyList<(int Line, int Cell, int Coefficient)> Terms);

/// <summary>What the solver decided of one row.</summary>
/// <param name="Values">The row's cells when every admissible split gives them; null when the splits disagree or there is none.</param>
/// <param name="Splits">The admissible splits (up to <see cref="GluedSolver.MaxCandidates"/>); empty when none is.</param>
/// <param name="GaveUp">True when the search hit its cap: the row is left open, never guessed.</param>
internal sealed record GluedOutcome(decimal[]? Values, IReadOnlyList<decimal[]> Splits, bool GaveUp);

/// <summary>
/// Splits the glued runs of one table as one constraint problem. A split is admissible when every number obeys
/// the digit rules (no leading zero but a lone 0; a decimal point only in an amount cell; a sign only in a signed
/// cell) and every identity of the table holds. A row's cells are known exactly where every admissible split of
/// the whole table gives them the same values; no plausibility guess is made beyond these rules.
/// <para>
/// The work is bounded: each row's splits are enumerated with its own totals checked as soon as their parts are
/// known (a total is then read, not searched); the rows left with several splits are the variables of a search
/// over the cross-row identities that keeps, per identity, the bounds of what the unassigned rows can still add,
/// and asks only whether each candidate split has some completion. Every search has a node cap; a cap reached
/// leaves the rows concerned open (CELL005), as if the splits disagreed.
/// </para>
/// <para>
/// A row none of whose splits meets its own total is left open too (a blank cell that vanished from the glued
/// text and a wrong total look alike), unless its spaces already separate every cell: then the spaces decide and
/// the broken total is the rules' to report. When the cross-row identities cannot all hold together, the table
/// has a broken total; the rows are then decided by their own totals alone.
/// </para>
/// </summary>
internal static class GluedSolver
{
    /// <summary>Search nodes one row may use to enumerate its splits.</summary>
    public const int MaxRowNodes = 200_000;

    /// <summary>Splits one row may have; more leaves it open.</summary>
    public const int MaxCandidates = 2_000;

    /// <summary>Search nodes the cross-row search may use, in all.</summary>
    public const int MaxJointNodes = 1_000_000;

    /// <summary>The longest number a cell may hold, in digits (an int64 holds it; no report prints more).</summary>
    private const int MaxDigits = 15;

    public static GluedOutcome[] Solve(IReadOnlyList<GluedLine> lines, IReadOnlyList<CrossIdentity> identities)
    {
        var rows = lines.Select(EnumerateRow).ToArray();
        var readable = rows.Select(static r => r.Splits.Count > 0 && !r.GaveUp).ToArray();
        var usable = identities.Where(i => i.Terms.All(t => readable[t.Line])).ToList();
        var (supported, jointGaveUp) = Joint(rows, usable);
        var outcomes = new GluedOutcome[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var (splits, gaveUp) = rows[i];
            if (gaveUp || splits.Count == 0)
            {
                outcomes[i] = new GluedOutcome(null, splits, gaveUp);
                continue;
            }

            var kept = supported?[i] is { } s ? splits.Where((_, c) => s[c]).ToList() : splits;
            outcomes[i] = kept.Count == 1
                ? new GluedOutcome(kept[0], kept, false)
                : new GluedOutcome(null, kept, jointGaveUp);
        }

        return outcomes;
    }

    /// <summary>Every admissible split of one row under the digit rules and the row's own totals.</summary>
    internal static (List<decimal[]> Splits, bool GaveUp) EnumerateRow(GluedLine line)
    {
        var runs = line.Runs.Select(static r => r.Trim()).Where(static r => r.Length > 0).ToList();
        var n = line.Kinds.Count;
        var search = new RowSearch(runs, line.Kinds, line.Totals);
        search.Run();
        if (search.Splits.Count == 0 && !search.GaveUp && runs.Count == n && line.Totals.Count > 0)
        {
            // The spaces separate every cell: they decide, and a total that does not add up is the rules' to report.
            var spaced = new RowSearch(runs, line.Kinds, []);
            spaced.Run();
            return (spaced.Splits, spaced.GaveUp);
        }

        return (search.Splits, search.GaveUp);
    }

    /// <summary>
    /// For each row with several splits, which of them some admissible split of the whole table uses; null when
    /// the identities cannot all hold (or the search gave up): the rows then keep their own splits.
    /// </summary>
    private static (bool[][]? Supported, bool GaveUp) Joint(IReadOnlyList<(List<decimal[]> Splits, bool GaveUp)> rows, List<CrossIdentity> identities)
    {
        var vars = Enumerable.Range(0, rows.Count).Where(i => !rows[i].GaveUp && rows[i].Splits.Count > 1).ToList();
        if (vars.Count == 0 || identities.Count == 0)
        {
            return (null, false);
        }

        // Each identity as: constant (the rows with one split) + the contribution of each variable's chosen split.
        var k = identities.Count;
        var constant = new long[k];
        var contribution = new long[vars.Count][][];
        var varIndex = vars.Select((line, v) => (line, v)).ToDictionary(static x => x.line, static x => x.v);
        for (var v = 0; v < vars.Count; v++)
        {
            contribution[v] = rows[vars[v]].Splits.Select(_ => new long[k]).ToArray();
        }

        for (var c = 0; c < k; c++)
        {
            foreach (var (line, cell, coefficient) in identities[c].Terms)
            {
                if (varIndex.TryGetValue(line, out var v))
                {
                    var splits = rows[line].Splits;
                    for (var s = 0; s < splits.Count; s++)
                    {
                        contribution[v][s][c] += coefficient * (long)splits[s][cell];
                    }
                }
                else
                {
                    constant[c] += coefficient * (long)rows[line].Splits[0][cell];
                }
            }
        }

        var supported = vars.Select(v => new bool[rows[v].Splits.Count]).ToArray();
        var budget = new Budget(MaxJointNodes);
        var order = Enumerable.Range(0, vars.Count).OrderBy(v => contribution[v].Length).ToArray();
        foreach (var v in order)
        {
            for (var s = 0; s < supported[v].Length; s++)
            {
                if (supported[v][s])
                {
                    continue;
                }

                var solution = FindSolution(contribution, constant, order, v, s, budget);
                if (budget.Exhausted)
                {
                    return (null, true);
                }

                if (solution is not null)
                {
                    for (var u = 0; u < solution.Length; u++)
                    {
                        supported[u][solution[u]] = true;
                    }
                }
            }

            if (!supported[v].Any(static x => x))
            {
                // No split of this row completes: the identities cannot all hold (a broken total).
                return (null, false);
            }
        }

        var result = new bool[rows.Count][];
        for (var v = 0; v < vars.Count; v++)
        {
            result[vars[v]] = supported[v];
        }

        return (result, false);
    }

    /// <summary>A choice of split per variable, with variable <paramref name="forced"/> taking split <paramref name="forcedSplit"/>, under which every identity holds; null when there is none.</summary>
    private static int[]? FindSolution(long[][][] contribution, long[] constant, int[] baseOrder, int forced, int forcedSplit, Budget budget)
    {
        var order = new int[baseOrder.Length];
        order[0] = forced;
        var j = 1;
        foreach (var v in baseOrder)
        {
            if (v != forced)
            {
                order[j++] = v;
            }
        }

        var k = constant.Length;
        var restMin = new long[order.Length + 1, k];
        var restMax = new long[order.Length + 1, k];
        for (var d = order.Length - 1; d >= 0; d--)
        {
            var splits = contribution[order[d]];
            for (var c = 0; c < k; c++)
            {
                var min = long.MaxValue;
                var max = long.MinValue;
                foreach (var split in d == 0 ? [splits[forcedSplit]] : splits)
                {
                    min = Math.Min(min, split[c]);
                    max = Math.Max(max, split[c]);
                }

                restMin[d, c] = restMin[d + 1, c] + min;
                restMax[d, c] = restMax[d + 1, c] + max;
            }
        }

        var choice = new int[contribution.Length];
        var partial = (long[])constant.Clone();
        return Search(0) ? choice : null;

        bool Search(int d)
        {
            if (!budget.Take())
            {
                return false;
            }

            for (var c = 0; c < k; c++)
            {
                if (partial[c] + restMin[d, c] > 0 || partial[c] + restMax[d, c] < 0)
                {
                    return false;
                }
            }

            if (d == order.Length)
            {
                return true;
            }

            var v = order[d];
            var splits = contribution[v];
            var first = d == 0 ? forcedSplit : 0;
            var last = d == 0 ? forcedSplit : splits.Length - 1;
            for (var s = first; s <= last; s++)
            {
                for (var c = 0; c < k; c++)
                {
                    partial[c] += splits[s][c];
                }

                choice[v] = s;
                var found = Search(d + 1);
                for (var c = 0; c < k; c++)
                {
                    partial[c] -= splits[s][c];
                }

                if (found)
                {
                    return true;
                }

                if (budget.Exhausted)
                {
                    return false;
                }
            }

            return false;
        }
    }

    private sealed class Budget(int nodes)
    {
        private int _left = nodes;

        public bool Exhausted => _left < 0;

        public bool Take() => --_left >= 0;
    }

    /// <summary>Depth-first enumeration of one row's splits.</summary>
    private sealed class RowSearch
    {
        private readonly List<string> _runs;
        private readonly IReadOnlyList<CellKind> _kinds;
        private readonly (int Target, int[] Parts)?[] _totalAt;
        private readonly decimal[] _values;
        private readonly int[] _minCharsAfter;
        private int _nodes;

        public RowSearch(List<string> runs, IReadOnlyList<CellKind> kinds, IReadOnlyList<(int Target, int[] Parts)> totals)
        {
            _runs = runs;
            _kinds = kinds;
            _values = new decimal[kinds.Count];
            _totalAt = new (int, int[])?[kinds.Count];
            foreach (var t in totals)
            {
                _totalAt[t.Target] = t;
            }

            _minCharsAfter = new int[runs.Count + 1];
            for (var r = runs.Count - 1; r >= 0; r--)
            {
                _minCharsAfter[r] = _minCharsAfter[r + 1] + runs[r].Length;
            }
        }

        public List<decimal[]> Splits { get; } = [];

        public bool GaveUp { get; private set; }

        public void Run()
        {
            if (_runs.Count == 0 || _runs.Count > _kinds.Count)
            {
                return;
            }

            Step(0, 0, 0);
        }

        private void Step(int run, int pos, int cell)
        {
            if (GaveUp)
            {
                return;
            }

            if (++_nodes > MaxRowNodes)
            {
                GaveUp = true;
                return;
            }

            var cellsLeft = _kinds.Count - cell;
            if (run == _runs.Count)
            {
                if (cellsLeft == 0)
                {
                    if (Splits.Count >= MaxCandidates)
                    {
                        GaveUp = true;
                        return;
                    }

                    Splits.Add((decimal[])_values.Clone());
                }

                return;
            }

            // Every cell takes at least one character, and every remaining run at least one cell.
            var charsLeft = _runs[run].Length - pos + _minCharsAfter[run + 1];
            if (cellsLeft == 0 || cellsLeft > charsLeft || cellsLeft < _runs.Count - run)
            {
                return;
            }

            var text = _runs[run];
            if (_totalAt[cell] is { } total)
            {
                // A total is read, not searched: its digits must be the sum of its parts.
                decimal sum = 0;
                foreach (var p in total.Parts)
                {
                    sum += _values[p];
                }

                var digits = sum.ToString(CultureInfo.InvariantCulture);
                if (sum >= 0 && pos + digits.Length <= text.Length && string.CompareOrdinal(text, pos, digits, 0, digits.Length) == 0)
                {
                    _values[cell] = sum;
                    Next(run, pos + digits.Length, cell);
                }

                return;
            }

            var kind = _kinds[cell];
            var start = pos;
            if (kind == CellKind.Signed && pos < text.Length && text[pos] == '-')
            {
                start++;
            }

            for (var end = start + 1; end <= text.Length; end++)
            {
                var number = Number(text, pos, start, end, kind);
                if (number is null)
                {
                    if (IsHopeless(text, start, end, kind))
                    {
                        break;
                    }

                    continue;
                }

                _values[cell] = number.Value;
                Next(run, end, cell);
                if (GaveUp)
                {
                    return;
                }
            }
        }

        private void Next(int run, int end, int cell)
        {
            if (end == _runs[run].Length)
            {
                Step(run + 1, 0, cell + 1);
            }
            else
            {
                Step(run, end, cell + 1);
            }
        }

        /// <summary>The number text[pos..end] spells under the digit rules of its kind, or null.</summary>
        private static decimal? Number(string text, int pos, int digitsStart, int end, CellKind kind)
        {
            var span = text.AsSpan(digitsStart, end - digitsStart);
            if (span.Length == 0 || !char.IsAsciiDigit(span[0]) || !char.IsAsciiDigit(span[^1]))
            {
                return null;
            }

            var point = span.IndexOf('.');
            var whole = point < 0 ? span : span[..point];
            if (whole.Length > MaxDigits || (whole.Length > 1 && whole[0] == '0'))
            {
                return null;
            }

            foreach (var ch in whole)
            {
                if (!char.IsAsciiDigit(ch))
                {
                    return null;
                }
            }

            if (point >= 0)
            {
                var fraction = span[(point + 1)..];
                if (kind != CellKind.Amount || fraction.Length == 0 || fraction.Length > 6)
                {
                    return null;
                }

                foreach (var ch in fraction)
                {
                    if (!char.IsAsciiDigit(ch))
                    {
                        return null;
                    }
                }
            }

            if (point < 0)
            {
                long whole64 = 0;
                foreach (var ch in whole)
                {
                    whole64 = (whole64 * 10) + (ch - '0');
                }

                return digitsStart > pos ? -whole64 : whole64;
            }

            var value = decimal.Parse(text.AsSpan(pos, end - pos), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            return value / 1.000000000000000000000000000000000m;
        }

        /// <summary>True when no longer number starting at <paramref name="start"/> can be valid either.</summary>
        private static bool IsHopeless(string text, int start, int end, CellKind kind)
        {
            var span = text.AsSpan(start, end - start);
            if (span.Length > MaxDigits + 8)
            {
                return true;
            }

            if (span.Length >= 2 && span[0] == '0' && span[1] != '.')
            {
                return true;
            }

            var last = span[^1];
            if (last == '.')
            {
                return kind != CellKind.Amount || span[..^1].Contains('.');
            }

            return !char.IsAsciiDigit(last);
        }
    }
}
