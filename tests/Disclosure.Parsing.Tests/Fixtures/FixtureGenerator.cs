namespace Disclosure.Parsing.Tests.Fixtures;

/// <summary>
/// The committed fixtures under <c>testdata/</c> are exactly what the cases produce. After changing a case, run
/// <c>DISCLOSURE_REGENERATE_FIXTURES=1 dotnet test --filter FixtureGenerator</c> to rewrite them, then commit.
/// PDF fixtures are printed from Word sources by LibreOffice: run <c>make-pdf-fixtures.sh</c> beside this file.
/// </summary>
[TestFixture]
public sealed class FixtureGenerator
{
    private static bool Regenerating => Environment.GetEnvironmentVariable("DISCLOSURE_REGENERATE_FIXTURES") == "1";

    [TestCaseSource(typeof(FixtureCases), nameof(FixtureCases.All))]
    public void CommittedFixtureIsUpToDate(object fixture)
    {
        var c = (FixtureCases.Case)fixture;
        var (content, report) = c.Make();
        var path = Path.Combine(TestPaths.TestData, c.Path);
        var expectedPath = Path.ChangeExtension(path, ".expected.json");
        var expectedJson = report.ExpectedJson(Path.GetFileName(path));
        if (Regenerating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(expectedPath, expectedJson);
            if (!c.IsPrintedFromWord)
            {
                File.WriteAllBytes(path, content);
            }
            else if (Environment.GetEnvironmentVariable("DISCLOSURE_PDF_SOURCES") is { Length: > 0 } sources)
            {
                var source = Path.Combine(sources, Path.ChangeExtension(c.Path, ".docx"));
                Directory.CreateDirectory(Path.GetDirectoryName(source)!);
                File.WriteAllBytes(source, content);
            }
        }

        File.ReadAllText(expectedPath).Should().Be(expectedJson);
        if (c.IsPrintedFromWord)
        {
            // The PDF's bytes are LibreOffice's (with dates in them); its content is judged by the golden test.
            File.Exists(path).Should().BeTrue("testdata/{0} is printed by make-pdf-fixtures.sh", c.Path);
            return;
        }

        // A package is the same document when its parts are; zip bytes may differ between zlib versions.
        if (path.EndsWith(".docx", StringComparison.Ordinal))
        {
            DocxRenderer.Parts(File.ReadAllBytes(path)).Should().BeEquivalentTo(DocxRenderer.Parts(content), "testdata/{0} must be regenerated", c.Path);
        }
        else
        {
            File.ReadAllBytes(path).Should().Equal(content, "testdata/{0} must be regenerated", c.Path);
        }

    }
}
