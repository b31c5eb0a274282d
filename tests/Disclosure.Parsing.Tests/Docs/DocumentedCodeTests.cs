using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Disclosure.Parsing.Tests.Docs;

/// <summary>
/// The C# the documentation shows is compiled as a reader would paste it: a console program (top-level statements,
/// the SDK's implicit usings) referencing this library. A snippet that drifts from the API fails here.
/// </summary>
[TestFixture]
public sealed partial class DocumentedCodeTests
{
    [TestCase("README.md")]
    [TestCase("docs/batch.md")]
    [TestCase("docs/package/README.md")]
    public void EveryCSharpBlockCompiles(string document)
    {
        var blocks = CSharpBlocks(File.ReadAllText(Path.Combine(TestPaths.Root, document)));

        blocks.Should().NotBeEmpty($"{document} shows C#");
        foreach (var block in blocks)
        {
            Errors(block).Should().BeEmpty($"this block of {document} should compile as written:\n{block}");
        }
    }

    [Test]
    public void TheCheckCatchesASnippetThatDoesNotCompile()
    {
        // What the README once showed: AuditResult and Report without their namespace.
        const string Snippet = """
            using Disclosure.Parsing;

            AuditResult result = DisclosurePipeline.Default.Audit("report.html");
            Report report = result.Report!;
            """;

        Errors(Snippet).Should().Contain(static e => e.Contains("CS0246", StringComparison.Ordinal));
    }

    internal static IReadOnlyList<string> CSharpBlocks(string markdown) =>
        CSharpBlock().Matches(markdown).Select(static m => m.Groups[1].Value).ToList();

    internal static IReadOnlyList<string> Errors(string program)
    {
        // The global usings a new console project has (ImplicitUsings in Microsoft.NET.Sdk).
        const string ImplicitUsings = """
            global using System;
            global using System.Collections.Generic;
            global using System.IO;
            global using System.Linq;
            global using System.Net.Http;
            global using System.Threading;
            global using System.Threading.Tasks;
            """;
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(static p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(DisclosurePipeline).Assembly.Location)
            .Select(static p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(ImplicitUsings, parse), CSharpSyntaxTree.ParseText(program, parse)],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics()
            .Where(static d => d.Severity == DiagnosticSeverity.Error)
            .Select(static d => d.ToString())
            .ToList();
    }

    [GeneratedRegex(@"^```csharp\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
