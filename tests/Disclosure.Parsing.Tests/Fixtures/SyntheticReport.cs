using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Disclosure.Parsing.Tests.Fixtures;

/// <summary>
/// A report as its author would print it: agency, year, section titles and the text of every cell. Built with
/// numbers that add up, then given defects on purpose; the expected audit is computed here, independently of
/// the library's rules, so the tests compare two implementations rather than one with itself.
/// </summary>
internal sealed class SyntheticReport
{
    public static readonly string[] ApplicantColumns = ["natural_person", "commercial", "research", "nonprofit", "legal_service", "other_org"];
    public static readonly string[] RequestColumns = [.. ApplicantColumns, "total"];
    public static readonly string[] OutcomeRows =
    [
        "granted", "partially_granted", "denied_state_secret", "denied_prohibited_by_law", "denied_safety_stability",
        "denied_third_party", "denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_inquiry",
        "unable_not_held", "unable_needs_creation", "unable_unclear", "not_processed_complaint", "not_processed_duplicate",
        "not_processed_publication", "not_processed_excessive", "not_processed_reconfirm", "other_no_correction",
        "other_unpaid_fee", "other_other",
    ];

    public static readonly string[] AppealBlocks = ["review", "litigation_direct", "litigation_after_review"];
    public static readonly string[] AppealResults = ["upheld", "corrected", "other", "pending"];

    public static readonly string[] ActiveKeys =
    [
        "active.regulations.issued", "active.regulations.repealed", "active.regulations.in_force",
        "active.normative_documents.issued", "active.normative_documents.repealed", "active.normative_documents.in_force",
        "active.licensing.decisions", "active.punishment.decisions", "active.coercion.decisions", "active.fees.amount",
    ];

    /// <summary>Section 二 in the 2019 table (国办公开办函〔2019〕60号), in the contract's order.</summary>
    public static readonly string[] Active2019Keys =
    [
        "active2019.regulations.new_made", "active2019.regulations.new_published", "active2019.regulations.total_published",
        "active2019.normative_documents.new_made", "active2019.normative_documents.new_published", "active2019.normative_documents.total_published",
        "active2019.licensing.previous_count", "active2019.licensing.change", "active2019.licensing.decisions",
        "active2019.other_services.previous_count", "active2019.other_services.change", "active2019.other_services.decisions",
        "active2019.punishment.previous_count", "active2019.punishment.change", "active2019.punishment.decisions",
        "active2019.coercion.previous_count", "active2019.coercion.change", "active2019.coercion.decisions",
        "active2019.fees.previous_count", "active2019.fees.change",
        "active2019.procurement.count", "active2019.procurement.amount",
    ];

    /// <summary>Whether section 二 is printed in the 2019 table (see <see cref="UseActive2019"/>).</summary>
    public bool Active2019 { get; private set; }

    /// <summary>The section 二 keys this report prints.</summary>
    public IReadOnlyList<string> ActiveKeysPrinted => Active2019 ? Active2019Keys : ActiveKeys;

    public string Agency { get; set; } = "示例县人民政府";

    public int Year { get; set; } = 2023;

    /// <summary>Section titles by number; a section left out of the dictionary is not printed.</summary>
    public Dictionary<string, string> Titles { get; } = new()
    {
        ["一"] = "一、总体情况",
        ["二"] = "二、主动公开政府信息情况",
        ["三"] = "三、收到和处理政府信息公开申请情况",
        ["四"] = "四、政府信息公开行政复议、行政诉讼情况",
        ["五"] = "五、存在的主要问题及改进情况",
        ["六"] = "六、其他需要报告的事项",
    };

    /// <summary>Printed text per canonical key.</summary>
    public Dictionary<string, string> Texts { get; } = [];

    /// <summary>Expected CELL/SEC findings, as the corpus writes them.</summary>
    public List<JsonObject> ExpectedFindings { get; } = [];

    /// <summary>Row labels as printed, by row id (variants and typos go here).</summary>
    public Dictionary<string, string> RowLabels { get; } = new()
    {
        ["partially_granted"] = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ["denied_internal_affairs"] = "5.属于三类内部事务信息",
        ["normative_documents"] = "行政规范性文件",
    };

    /// <summary>
    /// Cells a reader cannot know although the page printed them (a crawler glued a row whose digits split in several
    /// ways): the expected file has no value for them.
    /// </summary>
    public HashSet<string> Unknowable { get; } = new(StringComparer.Ordinal);

    public static SyntheticReport Consistent(int seed)
    {
        var rng = new Random(seed);
        var r = new SyntheticReport();
        int Small() => rng.Next(10) < 5 ? 0 : rng.Next(1, 40);
        foreach (var key in ActiveKeys)
        {
            r.Set(key, key.EndsWith("amount", StringComparison.Ordinal) ? Math.Round((decimal)rng.NextDouble() * 50, 2) : rng.Next(0, 400));
        }

        var rowTotals = new Dictionary<string, decimal>();
        foreach (var c in ApplicantColumns)
        {
            decimal total = 0;
            foreach (var row in OutcomeRows)
            {
                var v = c is "natural_person" or "commercial" ? Small() : (rng.Next(4) == 0 ? rng.Next(1, 5) : 0);
                r.Set($"requests.{row}.{c}", v);
                total += v;
            }

            r.Set($"requests.total.{c}", total);
            var carriedOver = rng.Next(0, 4);
            var carriedForward = rng.Next(0, 4);
            r.Set($"requests.carried_over.{c}", carriedOver);
            r.Set($"requests.carried_forward.{c}", carriedForward);
            r.Set($"requests.new.{c}", Math.Max(0, total + carriedForward - carriedOver));
            if (total + carriedForward - carriedOver < 0)
            {
                r.Set($"requests.carried_over.{c}", total + carriedForward);
            }
        }

        foreach (var row in new[] { "new", "carried_over", "total", "carried_forward" }.Concat(OutcomeRows))
        {
            r.Set($"requests.{row}.total", ApplicantColumns.Sum(c => r.Value($"requests.{row}.{c}")!.Value));
        }

        foreach (var block in AppealBlocks)
        {
            decimal sum = 0;
            foreach (var result in AppealResults)
            {
                var v = rng.Next(0, 6);
                r.Set($"appeals.{block}.{result}", v);
                sum += v;
            }

            r.Set($"appeals.{block}.total", sum);
        }

        return r;
    }

    /// <summary>
    /// Prints section 二 in the 2019 table while section 三 stays the 2021 one with （六）其他处理 in three sub-rows, as
    /// reports of the changeover kept it: the report mixes the two templates.
    /// </summary>
    public void UseActive2019(int seed)
    {
        var rng = new Random(seed);
        foreach (var key in ActiveKeys)
        {
            Texts.Remove(key);
        }

        foreach (var key in Active2019Keys)
        {
            Set(key, key switch
            {
                _ when key.EndsWith(".change", StringComparison.Ordinal) => rng.Next(-5, 6),
                _ when key.EndsWith(".amount", StringComparison.Ordinal) => Math.Round((decimal)rng.NextDouble() * 500, 2),
                _ => rng.Next(0, 400),
            });
        }

        Active2019 = true;
    }

    public void Set(string key, decimal value) => Texts[key] = value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Multiplies every section 三 and 四 number: the identities are linear, so they still hold.</summary>
    public void ScaleAll(decimal factor)
    {
        foreach (var key in Texts.Keys.Where(static k => !k.StartsWith("active", StringComparison.Ordinal)).ToList())
        {
            if (Value(key) is { } v)
            {
                Set(key, v * factor);
            }
        }
    }

    /// <summary>The value the text means, read the way a person would (the oracle, not the library's parser).</summary>
    public decimal? Value(string key)
    {
        if (!Texts.TryGetValue(key, out var text))
        {
            return null;
        }

        var s = new string(text.Trim().Select(static ch => ch is >= '０' and <= '９' ? (char)(ch - '０' + '0') : ch).ToArray()).Replace(",", string.Empty);
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>Prints a cell as something that is not a number (blank, 无, —); the audit must say CELL001.</summary>
    public void MakeNonNumeric(string key, string text)
    {
        Texts[key] = text;
        ExpectedFindings.Add(new JsonObject { ["rule"] = "CELL001", ["cells"] = new JsonArray(key) });
    }

    /// <summary>Leaves a section out; the audit must say SEC001.</summary>
    public void DropSection(string number)
    {
        Titles.Remove(number);
        ExpectedFindings.Add(new JsonObject { ["rule"] = "SEC001", ["section"] = number });
    }

    public IEnumerable<(string Rule, string[] Cells)> Identities()
    {
        foreach (var c in RequestColumns)
        {
            yield return ("SUM001", [$"requests.new.{c}", $"requests.carried_over.{c}", $"requests.total.{c}", $"requests.carried_forward.{c}"]);
        }

        foreach (var row in new[] { "new", "carried_over" }.Concat(OutcomeRows).Concat(["total", "carried_forward"]))
        {
            yield return ("SUM002", [$"requests.{row}.total", .. ApplicantColumns.Select(c => $"requests.{row}.{c}")]);
        }

        foreach (var c in RequestColumns)
        {
            yield return ("SUM003", [$"requests.total.{c}", .. OutcomeRows.Select(r => $"requests.{r}.{c}")]);
        }

        foreach (var b in AppealBlocks)
        {
            yield return ("SUM004", [$"appeals.{b}.total", .. AppealResults.Select(r => $"appeals.{b}.{r}")]);
        }
    }

    private bool? Holds(string rule, string[] cells)
    {
        var v = cells.Select(Value).ToArray();
        if (v.Any(static x => x is null) || cells.Any(Unknowable.Contains))
        {
            return null;
        }

        return rule == "SUM001"
            ? v[0] + v[1] == v[2] + v[3]
            : v[0] == v.Skip(1).Sum();
    }

    /// <summary>The expected file in the corpus format (what <c>../shared/tools/score</c> reads).</summary>
    public string ExpectedJson(string document)
    {
        var cells = new JsonObject();
        foreach (var key in ActiveKeysPrinted
                     .Concat(RowsInOrder().SelectMany(row => RequestColumns.Select(c => $"requests.{row}.{c}")))
                     .Concat(AppealBlocks.SelectMany(b => AppealResults.Append("total").Select(r => $"appeals.{b}.{r}"))))
        {
            cells[key] = !Unknowable.Contains(key) && Value(key) is { } v ? JsonValue.Create(v) : null;
        }

        var identities = new JsonArray();
        foreach (var (rule, keys) in Identities())
        {
            identities.Add(new JsonObject
            {
                ["rule"] = rule,
                ["cells"] = new JsonArray(keys.Select(static k => (JsonNode?)JsonValue.Create(k)).ToArray()),
                ["holds"] = Holds(rule, keys),
            });
        }

        var root = new JsonObject
        {
            ["document"] = document,
            ["agency"] = Agency,
            ["year"] = Year,
            ["template"] = Active2019 ? "2019" : "2021",
            ["sections_present"] = new JsonArray(Titles.Keys.OrderBy(static k => "一二三四五六".IndexOf(k, StringComparison.Ordinal))
                .Select(static k => (JsonNode?)JsonValue.Create(k)).ToArray()),
            ["cells"] = cells,
            ["findings"] = new JsonArray(ExpectedFindings.Select(static f => (JsonNode?)f.DeepClone()).ToArray()),
            ["identities"] = identities,
        };
        if (Active2019)
        {
            // Each table's own template (the report's top-level one is section 二's).
            root["table_templates"] = new JsonObject { ["active"] = "2019", ["requests"] = "2021", ["appeals"] = "2021" };
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    public static IEnumerable<string> RowsInOrder() => new[] { "new", "carried_over" }.Concat(OutcomeRows).Concat(["total", "carried_forward"]);
}
