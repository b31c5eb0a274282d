namespace Disclosure.Parsing.Tests.Fixtures;

/// <summary>Writes the generated fixtures and their expected files under <c>testdata/</c>.</summary>
[TestFixture]
public sealed class FixtureGenerator
{
    /// <summary>Regenerates every fixture. Explicit: run it by hand after changing a case, and commit the files.</summary>
    [Test]
    [Explicit("writes testdata/; run by hand after changing a fixture case")]
    public void Regenerate()
    {
        foreach (var c in FixtureCases.All())
        {
            var (content, report) = c.Make();
            var path = Path.Combine(TestPaths.TestData, c.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            File.WriteAllText(Path.ChangeExtension(path, ".expected.json"), report.ExpectedJson(Path.GetFileName(path)));
        }
    }

    /// <summary>The committed files are what the cases produce now: a changed case must be regenerated.</summary>
    [TestCaseSource(typeof(FixtureCases), nameof(FixtureCases.All))]
    public void CommittedFixtureIsUpToDate(object fixture)
    {
        var c = (FixtureCases.Case)fixture;
        var (content, report) = c.Make();
        var path = Path.Combine(TestPaths.TestData, c.Path);
        File.ReadAllBytes(path).Should().Equal(content, "testdata/{0} must be regenerated", c.Path);
        File.ReadAllText(Path.ChangeExtension(path, ".expected.json")).Should().Be(report.ExpectedJson(Path.GetFileName(path)));
    }
}
