using System.Xml.Linq;

namespace Disclosure.Parsing.Tests.Docs;

/// <summary>
/// Issue 13, point 4: the public surface is held by a baseline (Microsoft.CodeAnalysis.PublicApiAnalyzers): a public
/// member added without being declared (RS0016), or a declared one removed or changed (RS0017), fails the build.
/// These check that the baseline is wired into the build and covers the assembly as built.
/// </summary>
[TestFixture]
public sealed class PublicApiBaselineTests
{
    private static string Library => Path.Combine(TestPaths.Root, "src", "Disclosure.Parsing");

    private static IReadOnlyList<string> Declared() =>
        new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }
            .SelectMany(static f => File.ReadAllLines(Path.Combine(Library, f)))
            .Where(static l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();

    [Test]
    public void TheAnalyzerAndBothFilesAreInTheBuild()
    {
        var project = XDocument.Load(Path.Combine(Library, "Disclosure.Parsing.csproj"));
        project.Descendants("PackageReference").Select(static r => (string?)r.Attribute("Include"))
            .Should().Contain("Microsoft.CodeAnalysis.PublicApiAnalyzers");
        project.Descendants("AdditionalFiles").Select(static r => (string?)r.Attribute("Include"))
            .Should().Contain(["PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt"]);
        File.ReadLines(Path.Combine(TestPaths.Root, "Directory.Build.props")).Should().Contain(static l => l.Contains("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>"),
            "RS0016/RS0017 are warnings unless warnings are errors");
    }

    [Test]
    public void EveryPublicTypeIsDeclared()
    {
        var declared = Declared();
        var types = typeof(DisclosurePipeline).Assembly.GetExportedTypes();

        types.Should().NotBeEmpty();
        var undeclared = types
            .Select(static t => t.FullName!.Replace('+', '.').Split('`')[0])
            .Where(name => !declared.Any(l => l == name || l.StartsWith(name + ".", StringComparison.Ordinal) || l.StartsWith(name + "<", StringComparison.Ordinal)))
            .ToList();
        undeclared.Should().BeEmpty();
    }
}
