using Disclosure.Cli.Formatting;
using Disclosure.Parsing.Output;
using Disclosure.Parsing.Rules;

namespace Disclosure.Parsing.Tests.Output;

[TestFixture]
public sealed class RuleDocsTests
{
    [Test]
    public void DocsRulesMdIsGeneratedFromTheDescriptors()
    {
        var path = Path.Combine(TestPaths.Root, "docs", "rules.md");

        File.ReadAllText(path).Should().Be(RuleDocs.Markdown(RuleCatalog.Descriptors),
            "docs/rules.md is out of date: run 'disclosure rules --markdown > docs/rules.md'");
    }

    [Test]
    public void EveryRuleIsDocumentedWithItsHelp()
    {
        var markdown = RuleDocs.Markdown(RuleCatalog.Descriptors);

        RuleCatalog.Descriptors.Should().OnlyContain(d => markdown.Contains($"## {d.Id}: {d.Title}") && markdown.Contains(d.Help));
    }
}
