using System.Text.Json.Nodes;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Tests;

/// <summary>
/// Every document under <c>testdata/</c> with a <c>NAME.expected.json</c> beside it, judged as the corpus score
/// judges: every cell value, every section, every expected finding and broken identity found, no false alarm of any
/// severity (a spurious warning or note fails it as a spurious error does).
/// </summary>
[TestFixture]
public sealed class GoldenDocumentTests
{
    public static IEnumerable<TestCaseData> Documents() =>
        Directory.EnumerateFiles(TestPaths.TestData, "*.expected.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(static f => new TestCaseData(Path.GetRelativePath(TestPaths.TestData, f)).SetName($"Golden({Path.GetRelativePath(TestPaths.TestData, f)})"));

    [TestCaseSource(nameof(Documents))]
    public void DocumentMatchesItsExpectedFile(string expectedPath)
    {
        var full = Path.Combine(TestPaths.TestData, expectedPath);
        var expected = JsonNode.Parse(File.ReadAllText(full))!.AsObject();
        var document = Path.Combine(Path.GetDirectoryName(full)!, (string)expected["document"]!);

        Judge(expected, DisclosurePipeline.Default.Audit(document));
    }

    /// <summary>Fails unless <paramref name="result"/> is what <paramref name="expected"/> asks, false alarms of any severity included.</summary>
    private static void Judge(JsonObject expected, AuditResult result)
    {
        result.Error.Should().BeNull();
        var report = result.Report!;
        report.Agency.Should().Be((string?)expected["agency"]);
        report.Year.Should().Be((int?)expected["year"]);
        if (expected["template"] is { } template)
        {
            report.Template.Should().Be((string?)template);
        }

        foreach (var (table, tableTemplate) in expected["table_templates"]?.AsObject() ?? [])
        {
            report.TemplateOf(table).Should().Be((string?)tableTemplate, "the {0} table's own template", table);
        }

        foreach (var (key, value) in expected["cells"]!.AsObject())
        {
            report.Cells.Should().ContainKey(key);
            report.Value(key).Should().Be(value is null ? null : (decimal)value, "cell {0} printed “{1}”", key, report.Cell(key)?.Text);
        }

        var present = expected["sections_present"]!.AsArray().Select(static n => (string)n!).ToHashSet();
        report.Sections.Where(static s => s.Found).Select(static s => s.Number).Should().BeEquivalentTo(present);

        var findings = result.Findings;
        // By reference: a finding repeated is a false alarm, even where an equal one was expected.
        var used = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        foreach (var ef in expected["findings"]!.AsArray().Select(static n => n!.AsObject()))
        {
            var rule = (string)ef["rule"]!;
            var cells = ef["cells"]?.AsArray().Select(static n => (string)n!).ToHashSet();
            var section = (string?)ef["section"];
            var match = findings.FirstOrDefault(f => f.RuleId == rule && ((cells is not null && f.Cells.Intersect(cells).Any()) || (section is not null && f.Section == section)));
            match.Should().NotBeNull("expected {0} on {1}", rule, (object?)section ?? string.Join(",", cells!));
            used.Add(match!);
        }

        var identities = expected["identities"]!.AsArray().Select(static n => n!.AsObject()).ToList();
        foreach (var identity in identities.Where(static i => (bool?)i["holds"] == false))
        {
            var rule = (string)identity["rule"]!;
            var cells = identity["cells"]!.AsArray().Select(static n => (string)n!).ToHashSet();
            var match = findings.FirstOrDefault(f => f.RuleId == rule && f.Cells.Intersect(cells).Any());
            match.Should().NotBeNull("the broken {0} identity on {1} must be found", rule, string.Join(",", cells));
            used.Add(match!);
        }

        foreach (var f in findings.Where(f => !used.Contains(f)))
        {
            var explained = f.RuleId.StartsWith("SUM", StringComparison.Ordinal)
                ? identities.Any(i => (string)i["rule"]! == f.RuleId && (bool?)i["holds"] != true
                    && i["cells"]!.AsArray().Select(static n => (string)n!).Intersect(f.Cells).Any())
                : expected["findings"]!.AsArray().Select(static n => n!.AsObject()).Any(ef => (string)ef["rule"]! == f.RuleId
                    && ((ef["cells"]?.AsArray().Select(static n => (string)n!).Intersect(f.Cells).Any() ?? false) || (string?)ef["section"] == f.Section));
            explained.Should().BeTrue("false alarm: {0} ({1}) {2}", f.RuleId, f.Severity, f.Message);
        }
    }

    // Issue 13, point 8: the test must be able to fail for what it claims. A spurious finding fails it whatever its
    // severity (it counted errors only, so a spurious warning or note passed).
    [TestCase(Severity.Error)]
    [TestCase(Severity.Warning)]
    [TestCase(Severity.Note)]
    public void ASpuriousFindingOfAnySeverityFailsIt(Severity severity)
    {
        var full = Path.Combine(TestPaths.TestData, "html", "broken_totals.expected.json");
        var expected = JsonNode.Parse(File.ReadAllText(full))!.AsObject();
        var result = DisclosurePipeline.Default.Audit(Path.Combine(TestPaths.TestData, "html", (string)expected["document"]!));
        Judge(expected, result);

        var spurious = new Finding("TEXT001", severity, "一", ["active.licensing.decisions"], null, null, "a false alarm planted by the test");
        FluentActions.Invoking(() => Judge(expected, result with { Findings = [.. result.Findings, spurious] }))
            .Should().Throw<Exception>().WithMessage("*false alarm*TEXT001*");
    }

    // The golden documents' values must tell any two columns of a row, and any two rows of a column, apart: else a
    // recogniser that swapped them would pass (a fixture of 199 zeros and one 1331 catches almost no swap).
    [Test]
    public void TheGoldenValuesCatchASwapOfAnyTwoColumnsOrRows()
    {
        var documents = Directory.EnumerateFiles(TestPaths.TestData, "*.expected.json", SearchOption.AllDirectories)
            .Select(static f => JsonNode.Parse(File.ReadAllText(f))!["cells"]!.AsObject()
                .ToDictionary(static kv => kv.Key, static kv => kv.Value is null ? (decimal?)null : (decimal)kv.Value))
            .ToList();
        var keys = documents.SelectMany(static d => d.Keys).Distinct().Select(static k => k.Split('.', 3)).ToList();
        var unguarded = new List<string>();
        foreach (var table in keys.GroupBy(static k => k[0]))
        {
            var cells = table.Select(static k => (Row: k[1], Column: k[2])).ToHashSet();
            Check(cells.Select(static c => c.Column).Distinct().ToList(), cells.Select(static c => c.Row).Distinct().ToList(), (column, row) => $"{table.Key}.{row}.{column}", "columns");
            Check(cells.Select(static c => c.Row).Distinct().ToList(), cells.Select(static c => c.Column).Distinct().ToList(), (row, column) => $"{table.Key}.{row}.{column}", "rows");
        }

        unguarded.Should().BeEmpty("a swap of these would pass every golden test");

        void Check(List<string> swapped, List<string> across, Func<string, string, string> key, string what)
        {
            for (var i = 0; i < swapped.Count; i++)
            {
                for (var j = i + 1; j < swapped.Count; j++)
                {
                    var (a, b) = (swapped[i], swapped[j]);
                    var pairs = across.Select(x => (A: key(a, x), B: key(b, x))).ToList();
                    var together = documents.Any(d => pairs.Any(p => d.ContainsKey(p.A) && d.ContainsKey(p.B)));
                    if (together && !documents.Any(d => pairs.Any(p => d.TryGetValue(p.A, out var va) && d.TryGetValue(p.B, out var vb) && va != vb)))
                    {
                        unguarded.Add($"{what} {a} and {b}");
                    }
                }
            }
        }
    }
}
