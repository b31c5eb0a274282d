using Disclosure.Parsing.Model;
using Disclosure.Parsing.Recognition;

namespace Disclosure.Parsing.Tests.Recognition;

[TestFixture]
public sealed class TemplateWordsTests
{
    [Test]
    public void TheSixSectionsLoadInOrderEachWithItsTitleAndWords()
    {
        TemplateWords.Sections.Select(static s => s.Number).Should().Equal("一", "二", "三", "四", "五", "六");
        TemplateWords.SectionNumbers.Should().Be("一二三四五六");
        foreach (var section in TemplateWords.Sections)
        {
            section.Title.Should().StartWith(section.Number + "、");
            section.Words.Should().NotBeEmpty().And.OnlyContain(static w => w.Length > 0);
            section.Words.Should().Contain(w => section.Title.Contains(w, StringComparison.Ordinal),
                "the official heading means its own section: {0}", section.Title);
        }
    }

    [Test]
    public void TheCellCataloguesSectionsAreTheSectionsTitles()
    {
        var titles = TemplateWords.Sections.ToDictionary(static s => s.Number, static s => s.Title);
        using var reader = new StreamReader(typeof(CellCatalog).Assembly.GetManifestResourceStream("Disclosure.Parsing.cells.tsv")!);
        reader.ReadLine();
        var printed = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            printed.Add(line.Split('\t')[2]);
        }

        printed.Should().HaveCount(3).And.OnlyContain(t => titles[t.Substring(0, 1)] == t, "cells.tsv and sections.tsv name a section alike");
        TableTemplate.All.Select(static t => t.Section).Should().Equal("二", "三", "四");
    }

    [Test]
    public void EveryRowAliasNamesARowOfTheCatalogue()
    {
        var rows = CellCatalog.All.Select(static c => c.Row).ToHashSet(StringComparer.Ordinal);
        TemplateWords.RowAliases.Should().NotBeEmpty();
        foreach (var (row, labels) in TemplateWords.RowAliases)
        {
            rows.Should().Contain(row, "row_aliases.tsv gives labels to rows cells.tsv has");
            labels.Should().NotBeEmpty();
        }
    }

    [Test]
    public void TheTablesMatchRowsByTheirAliases()
    {
        var all = TableTemplate.All.SelectMany(static t => t.Rows).ToList();
        foreach (var (row, labels) in TemplateWords.RowAliases)
        {
            foreach (var label in labels)
            {
                all.Where(r => r.Id == row).Should().Contain(r => r.Labels.Contains(LabelText.Normalize(label)), $"{row} is printed as {label} too");
            }
        }

        var requests = TableTemplate.All.Single(static t => t.Name == "requests");
        requests.BestRows(LabelText.Normalize("（二）部分公开")).Select(static r => r.Id).Should().Equal("partially_granted");
    }

    [TestCase("一", 1)]
    [TestCase("六", 6)]
    [TestCase("七", 0)]
    [TestCase("一二", 0)]
    public void OrdinalsFollowTheSections(string number, int ordinal) => TemplateWords.Ordinal(number).Should().Be(ordinal);
}
