using System.Globalization;
using System.Text.RegularExpressions;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Tests.Fixtures;

/// <summary>
/// Which glued rows of a flattened report no reader can know, decided by brute force (every split of every run, every
/// combination of the rows' splits), independently of the library's solver: the expected files are made with it.
/// Same rules as the issue states them: digit rules; row totals; 一 + 二 = （七） + 四 and （七） = the outcome rows per
/// column; section 四's block totals. A row whose own total no split meets is open (a blank cell and a wrong total
/// look alike) unless spaces separate all its cells; when the column identities cannot all hold, rows keep their own splits.
/// </summary>
internal static partial class GlueOracle
{
    private const long MaxCombinations = 5_000_000;

    /// <summary>The keys of every open row (section 四: block), each row's keys together.</summary>
    public static List<string[]> OpenRows(IReadOnlyList<FlatRenderer.Run> runs)
    {
        var open = new List<string[]>();
        foreach (var run in runs.Where(static r => r.Table == "active"))
        {
            if (Splits(run.Text, run.Kinds).Count != 1)
            {
                open.Add(run.Keys);
            }
        }

        var requests = runs.Where(static r => r.Table == "requests").ToList();
        var rowTotal = new[] { (6, new[] { 0, 1, 2, 3, 4, 5 }) };
        var candidates = requests.Select(r => RowSplits(r.Text, r.Kinds, rowTotal)).ToList();
        var kept = Joint(requests, candidates);
        for (var i = 0; i < requests.Count; i++)
        {
            if (kept[i].Count != 1)
            {
                open.Add(requests[i].Keys);
            }
        }

        foreach (var run in runs.Where(static r => r.Table == "appeals"))
        {
            var totals = Enumerable.Range(0, 3).Select(static b => (b * 5 + 4, Enumerable.Range(b * 5, 4).ToArray())).ToArray();
            var splits = RowSplits(run.Text, run.Kinds, totals);
            for (var b = 0; b < 3; b++)
            {
                if (splits.Select(s => string.Join('/', s.Skip(b * 5).Take(5))).Distinct().Count() != 1)
                {
                    open.Add(run.Keys[(b * 5)..(b * 5 + 5)]);
                }
            }
        }

        return open;
    }

    private static List<List<decimal[]>> Joint(List<FlatRenderer.Run> rows, List<List<decimal[]>> candidates)
    {
        var id = rows.Select((r, i) => (Row: r.Keys[0].Split('.')[1], i)).ToDictionary(static x => x.Row, static x => x.i);
        bool Readable(string row) => id.TryGetValue(row, out var i) && candidates[i].Count > 0;
        string[] outcomes = [.. SyntheticReport.OutcomeRows];
        var sum001 = new[] { "new", "carried_over", "total", "carried_forward" }.All(Readable);
        var sum003 = outcomes.Append("total").All(Readable);
        var vars = Enumerable.Range(0, rows.Count).Where(i => candidates[i].Count > 1).ToList();
        if (vars.Count == 0 || !(sum001 || sum003))
        {
            return candidates;
        }

        var combinations = vars.Aggregate(1L, (p, v) => p * candidates[v].Count);
        if (combinations > MaxCombinations)
        {
            throw new InvalidOperationException($"{combinations} combinations: the oracle cannot decide; pick another seed or spacing");
        }

        var supported = vars.Select(v => new bool[candidates[v].Count]).ToArray();
        var choice = new int[vars.Count];
        var any = false;
        for (long n = 0; n < combinations; n++)
        {
            var values = Enumerable.Range(0, rows.Count).Select(i => candidates[i].Count == 0 ? null : candidates[i][0]).ToArray();
            for (var v = 0; v < vars.Count; v++)
            {
                values[vars[v]] = candidates[vars[v]][choice[v]];
            }

            decimal V(string row, int c) => values[id[row]]![c];
            var holds = Enumerable.Range(0, 7).All(c =>
                (!sum001 || V("new", c) + V("carried_over", c) == V("total", c) + V("carried_forward", c))
                && (!sum003 || V("total", c) == outcomes.Sum(o => V(o, c))));
            if (holds)
            {
                any = true;
                for (var v = 0; v < vars.Count; v++)
                {
                    supported[v][choice[v]] = true;
                }
            }

            for (var v = 0; v < vars.Count && ++choice[v] == candidates[vars[v]].Count; v++)
            {
                choice[v] = 0;
            }
        }

        if (!any)
        {
            return candidates;
        }

        var kept = candidates.ToList();
        for (var v = 0; v < vars.Count; v++)
        {
            kept[vars[v]] = candidates[vars[v]].Where((_, s) => supported[v][s]).ToList();
        }

        return kept;
    }

    private static List<decimal[]> RowSplits(string run, CellKind[] kinds, (int Target, int[] Parts)[] totals)
    {
        var all = Splits(run, kinds);
        var meeting = all.Where(s => totals.All(t => s[t.Target] == t.Parts.Sum(p => s[p]))).ToList();
        return meeting.Count == 0 && run.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == kinds.Length ? all : meeting;
    }

    /// <summary>Every split of the run's space-separated tokens into one number per cell under the digit rules.</summary>
    private static List<decimal[]> Splits(string run, CellKind[] kinds)
    {
        var tokens = run.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<decimal[]>();
        var numbers = new List<string>();
        void Go(int token, int pos)
        {
            if (token == tokens.Length)
            {
                if (numbers.Count == kinds.Length)
                {
                    result.Add([.. numbers.Select(static n => decimal.Parse(n, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))]);
                }

                return;
            }

            for (var end = pos + 1; end <= tokens[token].Length && numbers.Count < kinds.Length; end++)
            {
                var number = tokens[token][pos..end];
                if (!Valid(number, kinds[numbers.Count]))
                {
                    continue;
                }

                numbers.Add(number);
                if (end == tokens[token].Length)
                {
                    Go(token + 1, 0);
                }
                else
                {
                    Go(token, end);
                }

                numbers.RemoveAt(numbers.Count - 1);
            }
        }

        Go(0, 0);
        return result;
    }

    private static bool Valid(string number, CellKind kind) => kind switch
    {
        CellKind.Amount => AmountPattern().IsMatch(number),
        CellKind.Signed => SignedPattern().IsMatch(number),
        _ => CountPattern().IsMatch(number),
    };

    [GeneratedRegex(@"^(?:0|[1-9][0-9]*)$")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^-?(?:0|[1-9][0-9]*)$")]
    private static partial Regex SignedPattern();
}
