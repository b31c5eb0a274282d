using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Output;
using Disclosure.Parsing.Rules;
using NJsonSchema;

namespace Disclosure.Parsing.Tests.Output;

[TestFixture]
public sealed class SarifWriterTests
{
    private static string Sarif(params string[] files)
    {
        using var stream = new MemoryStream();
        using (var writer = new SarifWriter(stream, RuleCatalog.Descriptors, "0.1.0"))
        {
            foreach (var f in files)
            {
                writer.Add(DisclosurePipeline.Default.Audit(f));
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Sample(string name) => Path.Combine(TestPaths.TestData, name);

    private static string SampleLog() =>
        Sarif(Sample("html/broken_totals.html"), Sample("text/inline_tabs.txt"), Sample("pdf/vertical_label_defects.pdf"), Sample("pdf/errors/encrypted.pdf"));

    /// <summary>
    /// SARIF 2.1.0 as far as this writer uses it, in a schema written for the project (Output/sarif-2.1.0-subset.schema.json):
    /// no npm, no network, on every test run.
    /// </summary>
    [Test]
    public async Task IsValidAgainstTheSarif210SchemaForWhatItWrites()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(TestPaths.Root, "tests", "Disclosure.Parsing.Tests", "Output", "sarif-2.1.0-subset.schema.json"));
        var log = SampleLog();

        schema.Validate(log).Should().BeEmpty();

        // The check itself can fail: what SARIF forbids, the subset forbids too.
        schema.Validate("""{"version": "2.1.0", "runs": [{"tool": {}}]}""").Should().NotBeEmpty("a driver is required");
        schema.Validate(log.Replace("\"ruleId\"", "\"ruleID\"", StringComparison.Ordinal)).Should().NotBeEmpty("objects are closed, as in SARIF");
        schema.Validate(log.Replace("\"level\": \"error\"", "\"level\": \"fatal\"", StringComparison.Ordinal)).Should().NotBeEmpty("levels are SARIF's four");
        schema.Validate(log.Replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"", StringComparison.Ordinal)).Should().NotBeEmpty();
    }

    /// <summary>
    /// The whole OASIS schema, where it is present: .ci/run fetches it (npm, kept out of the repository) and names it in
    /// DISCLOSURE_SARIF_SCHEMA. Without it this test is reported as skipped, never as passed.
    /// </summary>
    [Test]
    public async Task IsValidAgainstTheFullSarif210Schema()
    {
        var schemaPath = Environment.GetEnvironmentVariable("DISCLOSURE_SARIF_SCHEMA");
        if (string.IsNullOrEmpty(schemaPath))
        {
            Assert.Ignore("DISCLOSURE_SARIF_SCHEMA is not set: the full SARIF schema is checked in .ci/run");
        }

        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(schemaPath));

        schema.Validate(SampleLog()).Should().BeEmpty();
        schema.Validate("""{"version": "2.1.0", "runs": [{"tool": {}}]}""").Should().NotBeEmpty("the schema check itself can fail");
    }

    [Test]
    public void DeclaresTheCatalogueAndLocatesEveryCell()
    {
        var run = JsonNode.Parse(Sarif(Sample("html/broken_totals.html"), Sample("pdf/errors/encrypted.pdf")))!["runs"]![0]!;

        run["tool"]!["driver"]!["rules"]!.AsArray().Select(static r => r!["id"]!.GetValue<string>()).Should().Equal(RuleCatalog.Descriptors.Select(static d => d.Id));
        var sum = run["results"]!.AsArray().First(static r => r!["ruleId"]!.GetValue<string>() == "SUM004")!;
        sum["level"]!.GetValue<string>().Should().Be("error");
        sum["locations"]!.AsArray().Should().HaveCount(5);
        sum["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]!.GetValue<string>().Should().StartWith("appeals.");
        sum["locations"]![0]!["message"]!["text"]!.GetValue<string>().Should().StartWith("table ");
        run["invocations"]![0]!["toolExecutionNotifications"]!.AsArray().Should().ContainSingle()
            .Which!["message"]!["text"]!.GetValue<string>().Should().Contain("encrypted");
    }

    [Test]
    public void EscapesPathsIntoUriReferences() => SarifWriter.Uri(@"报告\2024 年.pdf").Should().Be("%E6%8A%A5%E5%91%8A/2024%20%E5%B9%B4.pdf");
}
