using System.Text.Json;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules.CrossYear;

/// <summary>The cross-year findings of one pair of reports; they belong to the later one.</summary>
/// <param name="File">The later report's file.</param>
/// <param name="PreviousFile">The earlier report's file.</param>
/// <param name="Report">The later report as the pass kept it: agency, year and the cells the pair rules read.</param>
/// <param name="PreviousYear">The earlier report's year.</param>
/// <param name="Findings">The findings of the pair rules, in catalogue order.</param>
public sealed record CrossYearResult(string File, string PreviousFile, Report Report, int PreviousYear, IReadOnlyList<Finding> Findings)
{
    /// <summary>The cross-year findings. Read-only, compared by value.</summary>
    public IReadOnlyList<Finding> Findings { get; init => field = ValueList.Of(value); } = ValueList.Of(Findings);
}

/// <summary>
/// Compares reports of one agency in consecutive years across a whole batch, as a second pass: it keeps of each report
/// only what pairing needs (file, agency, year and the few cells the pair rules read), so it runs in little memory over
/// one machine's results as it is written, or over the result files many machines wrote (JSON Lines read back with
/// <see cref="AddJsonLine"/>, or any other store through <see cref="Add(string, string?, int?, IEnumerable{ReportCell})"/>).
/// </summary>
public sealed class CrossYearPass
{
    private readonly DisclosurePipeline _pipeline;
    private readonly string[]? _keys;
    private readonly Dictionary<string, int>? _keyIndex;
    private readonly Dictionary<(string Agency, int Year), Kept> _kept = [];

    /// <summary>Creates a pass that runs <paramref name="pipeline"/>'s pair rules with its options.</summary>
    public CrossYearPass(DisclosurePipeline pipeline)
    {
        _pipeline = pipeline;
        if (pipeline.PairRules.All(static r => r.CellsRead is not null))
        {
            _keys = [.. pipeline.PairRules.SelectMany(static r => r.CellsRead!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            CellsKept = ValueList.Of(_keys);
            _keyIndex = _keys.Select(static (k, i) => (k, i)).ToDictionary(static x => x.k, static x => x.i, StringComparer.Ordinal);
        }
    }

    /// <summary>The cells kept of each report (what the pair rules read), or null when a rule does not say and every cell is kept.</summary>
    public IReadOnlyList<string>? CellsKept { get; }

    /// <summary>Reports kept so far (one per agency and year).</summary>
    public int Count => _kept.Count;

    /// <summary>Keeps what pairing needs of a result; results without a report, an agency or a year are passed over.</summary>
    public void Add(AuditResult result)
    {
        if (result.Report is { } report)
        {
            Add(result.File, report.Agency, report.Year, report.Cells.Values);
        }
    }

    /// <summary>Keeps what pairing needs of one report, however it was stored.</summary>
    public void Add(string file, string? agency, int? year, IEnumerable<ReportCell> cells)
    {
        if (agency is null || year is not { } y)
        {
            return;
        }

        var key = (ReportPairing.AgencyKey(agency), y);

        // The same agency and year twice (a report crawled from two sites): the first file in order is the one compared.
        if (_kept.TryGetValue(key, out var other) && string.CompareOrdinal(other.File, file) <= 0)
        {
            return;
        }

        _kept[key] = new Kept(file, agency, Keep(cells));
    }

    /// <summary>
    /// Keeps what pairing needs of one line of a JSON Lines result file in the contract's shape; lines without a report
    /// (errors) and cross-year lines are passed over.
    /// </summary>
    /// <exception cref="JsonException">The line is not JSON.</exception>
    public void AddJsonLine(ReadOnlyMemory<byte> line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.TryGetProperty("crossYear", out _)
            || !root.TryGetProperty("file", out var file) || file.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var agency = root.TryGetProperty("agency", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        int? year = root.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null;
        var cells = new List<ReportCell>();
        if (root.TryGetProperty("cells", out var all) && all.ValueKind == JsonValueKind.Object)
        {
            foreach (var cell in all.EnumerateObject())
            {
                if (_keyIndex is not null && !_keyIndex.ContainsKey(cell.Name))
                {
                    continue;
                }

                var v = cell.Value;
                decimal? value = v.TryGetProperty("value", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetDecimal() : null;
                cells.Add(new ReportCell(cell.Name, value, Text(v, "text"), Text(v, "location")));
            }
        }

        Add(file.GetString()!, agency, year, cells);
    }

    /// <summary>Every pair of consecutive years of one agency, compared, in a stable order (agency, then year).</summary>
    public IEnumerable<CrossYearResult> Compare()
    {
        foreach (var ((agency, year), current) in _kept.OrderBy(static kv => kv.Key.Agency, StringComparer.Ordinal).ThenBy(static kv => kv.Key.Year))
        {
            if (!_kept.TryGetValue((agency, year - 1), out var previous))
            {
                continue;
            }

            var now = current.ToReport(year);
            var before = previous.ToReport(year - 1);
            yield return new CrossYearResult(current.File, previous.File, now, year - 1, _pipeline.CheckPair(now, before));
        }
    }

    private static string Text(JsonElement cell, string name) =>
        cell.TryGetProperty(name, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;

    private object Keep(IEnumerable<ReportCell> cells)
    {
        if (_keys is null)
        {
            return cells.ToDictionary(static c => c.Key, StringComparer.Ordinal);
        }

        // Compact: one slot per key the pair rules read, nothing for the cells they do not.
        var kept = new ReportCell?[_keys.Length];
        foreach (var c in cells)
        {
            if (_keyIndex!.TryGetValue(c.Key, out var i))
            {
                kept[i] = c with { Key = _keys[i] };
            }
        }

        return kept;
    }

    private sealed record Kept(string File, string Agency, object Cells)
    {
        public Report ToReport(int year)
        {
            var cells = Cells as Dictionary<string, ReportCell>
                ?? ((ReportCell?[])Cells).Where(static c => c is not null).ToDictionary(static c => c!.Key, static c => c!, StringComparer.Ordinal);
            return new Report(Agency, year, null, [], [], cells);
        }
    }
}
