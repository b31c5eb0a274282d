using System.Globalization;
using System.Text;

namespace Disclosure.Parsing.Tests.Fixtures;

/// <summary>
/// PDFs written by hand whose one font has an encoding of its own and no ToUnicode map, as some producers subset
/// Chinese fonts: codes 1, 2, 3 … name whatever glyphs the subset holds, and those names are Latin ones, so a reader
/// that trusts the names decodes the Chinese text as Latin symbols (¿”¿¡ﬂ‹…„·). Fixture code only.
/// </summary>
internal static class BuiltInEncodingPdf
{
    /// <summary>The glyph names the font's codes 1 … N stand for: Latin names, none of them Chinese.</summary>
    private static readonly string[] GlyphNames =
    [
        "questiondown", "quotedblright", "exclamdown", "fl", "guilsinglleft", "ellipsis", "quotedblbase", "periodcentered",
        "Aring", "ccedilla", "onehalf", "registered", "yen", "section", "dagger", "perthousand", "fi", "guillemotright",
        "Ograve", "brokenbar", "threequarters", "macron", "cedilla", "emdash",
    ];

    /// <summary>
    /// A one-page PDF of <paramref name="lines"/> lines, each <paramref name="glyphsPerLine"/> glyphs drawn in the font
    /// above (codes picked by a fixed rule), and optionally some lines in Helvetica with real text.
    /// </summary>
    public static byte[] Build(int lines, int glyphsPerLine, params string[] latinLines)
    {
        var content = new StringBuilder("BT\n");
        var y = 780;
        for (var i = 0; i < lines; i++, y -= 18)
        {
            var codes = new StringBuilder();
            for (var j = 0; j < glyphsPerLine; j++)
            {
                // A space between the "words" a Chinese sentence would not have, as such files often show.
                var code = j % 7 == 6 ? 0x20 : 1 + ((i * 5 + j * 3) % GlyphNames.Length);
                codes.Append(code.ToString("X2", CultureInfo.InvariantCulture));
            }

            content.Append(CultureInfo.InvariantCulture, $"/F1 12 Tf 1 0 0 1 60 {y} Tm <{codes}> Tj\n");
        }

        foreach (var line in latinLines)
        {
            content.Append(CultureInfo.InvariantCulture, $"/F2 12 Tf 1 0 0 1 60 {y} Tm ({line}) Tj\n");
            y -= 18;
        }

        content.Append("ET\n");
        var differences = "1 " + string.Join(" ", GlyphNames.Select(static n => "/" + n)) + " 32 /space";
        var widths = string.Join(" ", Enumerable.Range(1, 32).Select(static _ => "600"));
        var stream = Encoding.Latin1.GetBytes(content.ToString());
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {stream.Length} >>\nstream\n{Encoding.Latin1.GetString(stream)}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /AAAAAB+SimSun /FirstChar 1 /LastChar 32 " +
            $"/Widths [{widths}] /Encoding 6 0 R /FontDescriptor 8 0 R >>",
            $"<< /Type /Encoding /Differences [{differences}] >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /FontDescriptor /FontName /AAAAAB+SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 " +
            "/Descent -141 /CapHeight 683 /StemV 80 >>",
        ];

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
