using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Disclosure.Parsing.Tests.Fixtures;

/// <summary>
/// The files a crawl throws at a batch, made in code: empty, random, truncated, misnamed, encrypted, scanned, a zip bomb,
/// deeply nested and huge HTML, a legacy .doc, a 600-page PDF. Each is written under a name that says what it is.
/// </summary>
internal static class BadInputs
{
    /// <summary>Writes the set into <paramref name="directory"/>, with one good report, and returns the files written.</summary>
    public static IReadOnlyList<string> WriteAll(string directory)
    {
        var random = new byte[200_000];
        new Random(9).NextBytes(random);
        var plain = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "html", "plain.html"));
        var pdf = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "pdf", "ruled_two_pages.pdf"));
        var docx = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "docx", "every_feature.docx"));
        var files = new Dictionary<string, byte[]>
        {
            ["empty.html"] = [],
            ["random.html"] = random,
            ["random.pdf"] = random,
            ["truncated.pdf"] = pdf[..(pdf.Length / 2)],
            ["truncated.docx"] = docx[..(docx.Length / 2)],
            ["pdf_named.html"] = pdf,
            ["html_named.pdf"] = plain,
            ["encrypted.pdf"] = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "pdf", "errors", "encrypted.pdf")),
            ["scanned.pdf"] = Scan(),
            ["zip_bomb.docx"] = ZipBomb(),
            ["nested_200000.html"] = Encoding.UTF8.GetBytes(Nested(200_000)),
            ["huge_60mb.html"] = Encoding.UTF8.GetBytes(Huge(Encoding.UTF8.GetString(plain), 60L * 1024 * 1024)),
            ["legacy.doc"] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]],
            ["pages_600.pdf"] = Pages(600),
            ["zz_good_report.html"] = plain,
        };
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(directory, name), bytes);
        }

        return [.. files.Keys.Order(StringComparer.Ordinal).Select(n => Path.Combine(directory, n))];
    }

    /// <summary>A page of <paramref name="depth"/> nested &lt;div&gt;s around one word.</summary>
    public static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("<div>", depth)) + "正文" + string.Concat(Enumerable.Repeat("</div>", depth));

    private static string Huge(string report, long size)
    {
        const string Menu = "<div class=\"menu\"><a href=\"/x\">导航链接</a><span>站点内容</span></div>\n";
        var sb = new StringBuilder((int)size + report.Length);
        while (sb.Length * 3L < size)
        {
            sb.Append(Menu);
        }

        return report.Replace("<body>", "<body>" + sb, StringComparison.Ordinal);
    }

    private static byte[] Scan()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).AddPng(Images.Png(64, 64), new PdfRectangle(50, 50, 545, 792));
        return builder.Build();
    }

    private static byte[] Pages(int count)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 1; i <= count; i++)
        {
            builder.AddPage(PageSize.A4).AddText($"Page {i} of a long document", 12, new PdfPoint(72, 720), font);
        }

        return builder.Build();
    }

    /// <summary>A .docx whose document part inflates to 300 MB of zeros from a few hundred kilobytes.</summary>
    private static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            for (var i = 0; i < 300; i++)
            {
                entry.Write(block);
            }
        }

        return stream.ToArray();
    }
}
