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

    [Test]
    public async Task IsValidAgainstTheSarif210Schema()
    {
        var schemaPath = Path.Combine(TestPaths.Root, "tests", "Disclosure.Parsing.Tests", "obj", "sarif-schema", "package", "lib", "schemas", "sarif-2.1.0-rtm.5.json");
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(schemaPath));
        var log = Sarif(Sample("html/broken_totals.html"), Sample("text/inline_tabs.txt"), Sample("pdf/vertical_label_defects.pdf"), Sample("pdf/errors/encrypted.pdf"));

        var errors = schema.Validate(log);

        errors.Should().BeEmpty();
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
