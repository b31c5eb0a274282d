using System.Text.Json.Nodes;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Tests;

/// <summary>
/// Every document under <c>testdata/</c> with a <c>NAME.expected.json</c> beside it, judged as the corpus score
/// judges: every cell value, every section, every expected finding and broken identity found, no false alarm.
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

        var result = DisclosurePipeline.Default.Audit(document);

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
        var used = new HashSet<Finding>();
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

        foreach (var f in findings.Where(f => !used.Contains(f) && f.Severity == Severity.Error))
        {
            var explained = f.RuleId.StartsWith("SUM", StringComparison.Ordinal)
                ? identities.Any(i => (string)i["rule"]! == f.RuleId && (bool?)i["holds"] != true
                    && i["cells"]!.AsArray().Select(static n => (string)n!).Intersect(f.Cells).Any())
                : expected["findings"]!.AsArray().Select(static n => n!.AsObject()).Any(ef => (string)ef["rule"]! == f.RuleId
                    && ((ef["cells"]?.AsArray().Select(static n => (string)n!).Intersect(f.Cells).Any() ?? false) || (string?)ef["section"] == f.Section));
            explained.Should().BeTrue("false alarm: {0} {1}", f.RuleId, f.Message);
        }
    }
}
