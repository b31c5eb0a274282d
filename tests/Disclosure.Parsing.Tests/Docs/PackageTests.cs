using System.Buffers.Binary;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Disclosure.Parsing.Tests.Docs;

/// <summary>
/// Issue 13, point 9: the library package as nuget.org users expect it. What the package carries is checked by packing
/// it in <c>.ci/package-check</c>; these check the parts kept in the repository and that the project packs them.
/// </summary>
[TestFixture]
public sealed partial class PackageTests
{
    private static string PackageReadme => Path.Combine(TestPaths.Root, "docs", "package", "README.md");

    private static XDocument Project => XDocument.Load(Path.Combine(TestPaths.Root, "src", "Disclosure.Parsing", "Disclosure.Parsing.csproj"));

    [Test]
    public void TheProjectPacksThePackageReadmeTheIconAndASymbolPackage()
    {
        string? Property(string name) => Project.Descendants(name).SingleOrDefault()?.Value;
        Property("PackageReadmeFile").Should().Be("README.md");
        Property("PackageIcon").Should().Be("icon.png");
        Property("IncludeSymbols").Should().Be("true");
        Property("SymbolPackageFormat").Should().Be("snupkg");

        var packed = Project.Descendants("None").Where(static n => (string?)n.Attribute("Pack") == "true")
            .Select(static n => ((string)n.Attribute("Include")!).Replace('\\', '/')).ToList();
        packed.Should().Contain("../../docs/package/README.md", "the readme written for package users, not the repository's")
            .And.Contain("../../docs/package/icon.png");
    }

    [Test]
    public void TheReadmeIsWrittenForPackageUsers()
    {
        var readme = File.ReadAllText(PackageReadme);

        readme.Should().Contain("dotnet add package Disclosure.Parsing");
        // nuget.org shows the readme outside the repository: a relative link leads nowhere.
        var relative = MarkdownLink().Matches(readme).Select(static m => m.Groups[1].Value)
            .Where(static target => !target.StartsWith("https://", StringComparison.Ordinal)).ToList();
        relative.Should().BeEmpty();
        readme.Should().NotContainAny(".ci/", " CI ");
    }

    [Test]
    public void TheIconIsASquarePngNuGetAccepts()
    {
        var png = File.ReadAllBytes(Path.Combine(TestPaths.Root, "docs", "package", "icon.png"));

        png.AsSpan(0, 8).ToArray().Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A);
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        (width, height).Should().Be((128, 128));
        png.Length.Should().BeLessThan(1024 * 1024, "nuget.org takes icons up to 1 MB");
        File.Exists(Path.Combine(TestPaths.Root, "docs", "package", "make-icon.cs")).Should().BeTrue("the icon is drawn by code kept beside it");
    }

    [GeneratedRegex(@"\]\(([^)]*)\)")]
    private static partial Regex MarkdownLink();
}
