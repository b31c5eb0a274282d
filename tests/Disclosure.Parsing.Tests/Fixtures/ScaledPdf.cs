using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Disclosure.Parsing.Tests.Fixtures;

/// <summary>
/// The same PDF printed reduced or enlarged, as a printer driver or a "fit to page" export does: every page's drawing
/// is scaled about its corner (a <c>cm</c> operator wrapped round its content) and its boxes scaled to match. Glyphs,
/// their sizes, ruling lines and their widths all scale together; nothing else changes. Reads the files this
/// repository generates (<see cref="PdfObjects"/>).
/// </summary>
internal static partial class ScaledPdf
{
    public static byte[] Scale(byte[] pdf, double factor)
    {
        var editor = new PdfObjects(pdf);
        var s = factor.ToString("0.####", CultureInfo.InvariantCulture);
        foreach (var page in editor.Pages())
        {
            var contents = editor.ContentsOf(page);
            if (contents.Count == 0)
            {
                continue;
            }

            var first = contents[0];
            var last = contents[^1];
            var start = Encoding.Latin1.GetBytes($"q {s} 0 0 {s} 0 0 cm\n");
            var end = Encoding.Latin1.GetBytes("\nQ\n");
            if (first == last)
            {
                editor.SetStream(first, [.. start, .. editor.Decoded(first), .. end]);
            }
            else
            {
                editor.SetStream(first, [.. start, .. editor.Decoded(first)]);
                editor.SetStream(last, [.. editor.Decoded(last), .. end]);
            }
        }

        // Boxes are on the pages or inherited from the page tree: scaled wherever they are.
        foreach (var o in editor.Objects.Values.ToList())
        {
            var head = PageBox().Replace(o.Head, m => m.Groups[1].Value + "[" + string.Join(' ', m.Groups[2].Value
                .Split((char[])[' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
                .Select(v => (double.Parse(v, CultureInfo.InvariantCulture) * factor).ToString("0.####", CultureInfo.InvariantCulture))) + "]");
            editor.Objects[o.Number] = o with { Head = head };
        }

        return editor.Write();
    }

    [GeneratedRegex(@"(/(?:MediaBox|CropBox|BleedBox|TrimBox|ArtBox)\s*)\[([^\]]*)\]")]
    private static partial Regex PageBox();
}
