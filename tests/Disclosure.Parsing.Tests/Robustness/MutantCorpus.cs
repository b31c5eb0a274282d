using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Robustness;

/// <summary>One damaged document: its number in the corpus (which regenerates it), a name that says how it was made, its bytes.</summary>
internal sealed record Mutant(int Index, string Name, byte[] Content)
{
    public override string ToString() => $"#{Index} {Name} ({Content.Length} bytes)";
}

/// <summary>
/// Damaged documents derived from the fixtures under <c>testdata/</c>, every format: mutant <c>i</c> of seed <c>s</c> is
/// always the same file, made by a generator drawn from <c>new Random(s + i)</c>, so a failure names a mutant that
/// can be made again (<c>DISCLOSURE_MUTANT=i</c>).
/// </summary>
internal static class MutantCorpus
{
    private static readonly string[] Generic = ["flip-bits", "overwrite", "truncate", "splice", "delete-range", "duplicate-range", "extreme-number"];

    private static readonly Lazy<IReadOnlyDictionary<string, List<(string Name, byte[] Bytes)>>> SeedFiles = new(LoadSeeds);

    /// <summary>The formats and the share of mutants each gets: PDF and Word, whose parsers are deepest, get the most.</summary>
    private static readonly (string Format, int Share)[] Shares = [("pdf", 7), ("docx", 6), ("html", 4), ("text", 3)];

    public static IReadOnlyDictionary<string, List<(string Name, byte[] Bytes)>> Seeds => SeedFiles.Value;

    public static Mutant Make(int index, int seed)
    {
        var rng = new Random(unchecked(seed + index));
        var format = FormatOf(index);
        var sources = Seeds[format];
        var (name, source) = sources[rng.Next(sources.Count)];
        var specific = format switch
        {
            "pdf" => PdfMutations.Kinds,
            "docx" => DocxMutations.Kinds,
            "html" => TextMutations.HtmlKinds,
            _ => TextMutations.TextKinds,
        };
        var kind = rng.Next(2) == 0 ? Generic[rng.Next(Generic.Length)] : specific[rng.Next(specific.Length)];
        var bytes = kind switch
        {
            "flip-bits" => ByteMutations.FlipBits(rng, source),
            "overwrite" => ByteMutations.Overwrite(rng, source),
            "truncate" => ByteMutations.Truncate(source, rng.Next(1, source.Length)),
            "splice" => ByteMutations.Splice(rng, source, Other(rng, format)),
            "delete-range" => ByteMutations.DeleteRange(rng, source),
            "duplicate-range" => ByteMutations.DuplicateRange(rng, source),
            "extreme-number" => ByteMutations.ExtremeNumber(rng, source),
            _ => format switch
            {
                "pdf" when !name.StartsWith("errors/", StringComparison.Ordinal) && !name.EndsWith(".objstm.pdf", StringComparison.Ordinal) => PdfMutations.Apply(kind, rng, source),
                "pdf" => ByteMutations.FlipBits(rng, source),
                "docx" => DocxMutations.Apply(kind, rng, source),
                "html" => TextMutations.Html(kind, rng, source),
                _ => TextMutations.Text(kind, rng, source),
            },
        };

        // One in twenty carries another format's extension, as mislabelled downloads do.
        var extension = Path.GetExtension(name);
        if (rng.Next(20) == 0)
        {
            string[] extensions = [".pdf", ".docx", ".html", ".txt", ".doc", ""];
            extension = extensions[rng.Next(extensions.Length)];
        }

        return new Mutant(index, $"{Path.GetFileNameWithoutExtension(name)}.m{index}-{kind}{extension}", bytes);
    }

    private static string FormatOf(int index)
    {
        var total = Shares.Sum(static s => s.Share);
        var slot = index % total;
        foreach (var (format, share) in Shares)
        {
            if (slot < share)
            {
                return format;
            }

            slot -= share;
        }

        return Shares[0].Format;
    }

    /// <summary>A second file to splice with: mostly of the same format, sometimes of another.</summary>
    private static byte[] Other(Random rng, string format)
    {
        var pool = rng.Next(4) == 0 ? Seeds.Values.SelectMany(static v => v).ToList() : Seeds[format];
        return pool[rng.Next(pool.Count)].Bytes;
    }

    private static IReadOnlyDictionary<string, List<(string Name, byte[] Bytes)>> LoadSeeds()
    {
        var seeds = new Dictionary<string, List<(string, byte[])>>();
        foreach (var (format, pattern) in new[] { ("html", "*.html"), ("text", "*.txt"), ("docx", "*.docx"), ("pdf", "*.pdf") })
        {
            var dir = Path.Combine(TestPaths.TestData, format);
            seeds[format] = Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes(f)))
                .ToList();
        }

        // Word and WPS pack objects into object streams found through a cross-reference stream: byte damage meets those too.
        foreach (var (name, bytes) in seeds["pdf"].Where(static s => !s.Item1.StartsWith("errors/", StringComparison.Ordinal)).Take(3).ToList())
        {
            seeds["pdf"].Add((Path.ChangeExtension(name, ".objstm.pdf"), new PdfObjects(bytes).WriteCompressed()));
        }

        // No fixture has a styles part; one with paragraph styles that number headings gives its damage something to hit.
        var numbered = seeds["docx"].First(static s => s.Item1.Contains("numbered", StringComparison.Ordinal));
        seeds["docx"].Add(("styled_headings.docx", WithHeadingStyles(numbered.Item2)));
        return seeds;
    }

    /// <summary>The package with a styles part whose heading style numbers paragraphs, and a style based on it.</summary>
    internal static byte[] WithHeadingStyles(byte[] package)
    {
        const string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            var main = doc.MainDocumentPart!;
            var styles = main.StyleDefinitionsPart ?? main.AddNewPart<StyleDefinitionsPart>();
            using (var s = new MemoryStream(Encoding.UTF8.GetBytes($"<w:styles xmlns:w=\"{w}\">" +
                "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>" +
                "<w:style w:type=\"paragraph\" w:styleId=\"Body\"><w:name w:val=\"body\"/><w:basedOn w:val=\"Normal\"/></w:style>" +
                "<w:style w:type=\"paragraph\" w:styleId=\"MyHeading\"><w:name w:val=\"my heading\"/><w:basedOn w:val=\"Heading1\"/></w:style></w:styles>")))
            {
                styles.FeedData(s);
            }

            // Headings drawn through the style instead of their own numbering.
            foreach (var p in main.Document!.Body!.Elements<Paragraph>())
            {
                if (p.ParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value == 1)
                {
                    p.ParagraphProperties.NumberingProperties.Remove();
                    p.ParagraphProperties.ParagraphStyleId = new ParagraphStyleId { Val = "MyHeading" };
                }
            }
        }

        return stream.ToArray();
    }
}
