using System.Text;

namespace Disclosure.Parsing.Tests.Fixtures;

/// <summary>The ways one page of a PDF is found broken in the wild.</summary>
public enum PageDamage
{
    /// <summary>The page's compressed content stream is garbage: it does not inflate.</summary>
    UndecodableStream,

    /// <summary>
    /// The drawing instructions decode but are garbled: operators lose operands, brackets stray, text is shown without a
    /// font (PdfPig: "Value cannot be null. (Parameter 'key')").
    /// </summary>
    GarbledInstructions,

    /// <summary>A font is selected by something that is not a name.</summary>
    FontNotAName,

    /// <summary>The page's last text position has lost an operand: PdfPig reads on past it, so the page is read in part.</summary>
    LastOperatorCut,

    /// <summary>The page's /Contents points at an object the file does not have.</summary>
    MissingStream,
}

/// <summary>
/// Makes PDFs with one or more broken pages from a fixture PDF, by rewriting those pages' content streams with the
/// minimal object editor (<see cref="PdfObjects"/>); everything else in the file is left as LibreOffice wrote it.
/// Deterministic: the same input and damage give the same bytes.
/// </summary>
internal static class DamagedPdf
{
    /// <summary>The PDF with pages <paramref name="pages"/> (1-based) broken by <paramref name="damage"/>.</summary>
    public static byte[] Break(byte[] pdf, PageDamage damage, params int[] pages)
    {
        var editor = new PdfObjects(pdf);
        var all = editor.Pages();
        foreach (var number in pages)
        {
            var page = all[number - 1];
            var content = editor.ContentsOf(page)[0];
            switch (damage)
            {
                case PageDamage.UndecodableStream:
                {
                    // Noise in the shape of a zlib stream: a valid header, then bytes no inflater accepts.
                    var noise = new byte[2048];
                    new Random(number).NextBytes(noise);
                    noise[0] = 0x78;
                    noise[1] = 0x9C;
                    noise[2] = 0xFF;
                    editor.SetRawStream(content, noise, keepFilter: true);
                    break;
                }

                case PageDamage.GarbledInstructions:
                {
                    var text = Encoding.Latin1.GetString(editor.Decoded(content));
                    var garbled = new StringBuilder();
                    var operators = 0;
                    foreach (var line in text.Split('\n'))
                    {
                        // Every operator line of the page loses part of its operands, as a bad copy truncates them.
                        garbled.Append(++operators % 2 == 0 && line.Length > 4 ? line[(line.Length / 2)..] + " ] >>" : line).Append('\n');
                    }

                    editor.SetStream(content, Encoding.Latin1.GetBytes(garbled.ToString()));
                    break;
                }

                case PageDamage.FontNotAName:
                {
                    var text = Encoding.Latin1.GetString(editor.Decoded(content));
                    text = System.Text.RegularExpressions.Regex.Replace(text, @"/F\d+\s+([0-9.]+)\s+Tf", "($1) $1 Tf");
                    editor.SetStream(content, Encoding.Latin1.GetBytes(text));
                    break;
                }

                case PageDamage.LastOperatorCut:
                {
                    var text = Encoding.Latin1.GetString(editor.Decoded(content));
                    var last = System.Text.RegularExpressions.Regex.Matches(text, @"[0-9.]+ ([0-9.]+ Td)")[^1];
                    text = text[..last.Index] + last.Groups[1].Value + text[(last.Index + last.Length)..];
                    editor.SetStream(content, Encoding.Latin1.GetBytes(text));
                    break;
                }

                default:
                    editor.Objects.Remove(content);
                    break;
            }
        }

        return editor.Write();
    }
}
