using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Recognition;

/// <summary>One of the report's six sections (<c>sections.tsv</c>).</summary>
/// <param name="Number">一 … 六.</param>
/// <param name="Title">The official heading, as a missing section is named.</param>
/// <param name="Words">The words that give a heading this section's meaning: a heading holding one of them means it.</param>
internal sealed record SectionTemplate(string Number, string Title, IReadOnlyList<string> Words);

/// <summary>
/// The template's words that are not cells, kept once as data beside the cell catalogue (<c>cells.tsv</c>) in
/// <c>Recognition/Template</c>, embedded: <c>sections.tsv</c> (the six sections' numbers, titles and meaning words)
/// and <c>row_aliases.tsv</c> (labels real reports print for a row that the contract's paths do not spell out).
/// Both are tab-separated with a header line, lists within a field separated by ｜ as in <c>cells.tsv</c>. The
/// recogniser, the glance before reading and the rules read the sections from here, and nothing else spells them.
/// </summary>
internal static class TemplateWords
{
    /// <summary>The six sections, in the template's order.</summary>
    public static IReadOnlyList<SectionTemplate> Sections { get; } = LoadSections();

    /// <summary>The section numbers in order, 一二三四五六.</summary>
    public static string SectionNumbers { get; } = string.Concat(Sections.Select(static s => s.Number));

    /// <summary>More labels a row (the row part of a key, in whichever table has it) is printed with, as written.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> RowAliases { get; } = LoadRowAliases();

    /// <summary>A section's place, 1 for 一 to 6 for 六; 0 for a number that names no section.</summary>
    public static int Ordinal(string number) => number.Length == 1 ? SectionNumbers.IndexOf(number[0], StringComparison.Ordinal) + 1 : 0;

    private static List<SectionTemplate> LoadSections()
    {
        var sections = TemplateFiles.Rows("sections.tsv", 3).Select(static f => new SectionTemplate(f[0], f[1], List(f[2]))).ToList();
        if (sections.Any(static s => s.Number.Length != 1 || !s.Title.StartsWith(s.Number + "、", StringComparison.Ordinal) || s.Words.Count == 0))
        {
            throw new InvalidDataException("sections.tsv: each section needs one number, a title that starts with it and 、, and words");
        }

        return sections;
    }

    private static Dictionary<string, IReadOnlyList<string>> LoadRowAliases() =>
        TemplateFiles.Rows("row_aliases.tsv", 2).ToDictionary(static f => f[0], static f => (IReadOnlyList<string>)List(f[1]), StringComparer.Ordinal);

    private static string[] List(string field) => field.Split('｜', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
