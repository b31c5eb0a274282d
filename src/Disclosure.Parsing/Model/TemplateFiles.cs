namespace Disclosure.Parsing.Model;

/// <summary>
/// The template's data files in <c>Recognition/Template</c> (<c>cells.tsv</c>, <c>sections.tsv</c>, <c>row_aliases.tsv</c>),
/// embedded: tab-separated, a header line, blank lines ignored.
/// </summary>
internal static class TemplateFiles
{
    /// <summary>The rows of <paramref name="name"/> after its header, each of exactly <paramref name="fields"/> fields.</summary>
    /// <exception cref="InvalidDataException">A row has another number of fields.</exception>
    public static List<string[]> Rows(string name, int fields)
    {
        using var stream = typeof(TemplateFiles).Assembly.GetManifestResourceStream("Disclosure.Parsing." + name)
            ?? throw new InvalidOperationException($"the embedded {name} is missing");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        reader.ReadLine(); // the header line
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            rows.Add(f.Length == fields ? f : throw new InvalidDataException($"{name}: {fields} fields expected in '{line}'"));
        }

        return rows;
    }
}
