using System.Text;
using Disclosure.Parsing.Tests.Fixtures;

namespace Disclosure.Parsing.Tests.Robustness;

/// <summary>Damage to a PDF's objects: bodies removed, the cross-reference table wrong, content streams garbled, nesting absurd.</summary>
internal static class PdfMutations
{
    public static string[] Kinds { get; } =
    [
        "remove-body", "xref-offset", "garble-content", "garbage-content", "wrong-length", "nested-array", "nested-dict",
        "nested-content", "page-tree", "missing-ref", "self-ref", "structure-loop", "damage-font", "media-box", "drop-keyword",
    ];

    public static byte[] Apply(string kind, Random rng, byte[] source)
    {
        var pdf = new PdfObjects(source);

        // One in three is written as Word writes PDFs: objects packed in an object stream, a cross-reference stream.
        var packed = rng.Next(3) == 0;
        byte[] Write() => packed ? pdf.WriteCompressed() : pdf.Write();
        var pages = pdf.Pages();
        var page = pages[rng.Next(pages.Count)];
        var streams = pdf.Objects.Values.Where(static o => o.Stream is not null).Select(static o => o.Number).ToList();
        var any = pdf.Objects.Keys.ElementAt(rng.Next(pdf.Objects.Count));
        switch (kind)
        {
            case "remove-body":
                // An object whose body is gone: "n 0 obj endobj", or null.
                pdf.Objects[any] = new PdfObject(any, rng.Next(2) == 0 ? string.Empty : "null", null);
                return Write();
            case "xref-offset":
            {
                var wrong = Enumerable.Range(0, 1 + rng.Next(3)).Select(_ => pdf.Objects.Keys.ElementAt(rng.Next(pdf.Objects.Count))).ToHashSet();
                var how = rng.Next(4);
                return pdf.Write((n, at) => !wrong.Contains(n) ? at : how switch
                {
                    0 => Math.Max(0, at + rng.Next(-40, 40)),
                    1 => 0,
                    2 => 9_999_999_999,
                    _ => source.Length - rng.Next(1, 20),
                });
            }

            case "garble-content":
            {
                var content = pdf.ContentsOf(page)[0];
                var decoded = pdf.Decoded(content);
                var garbled = rng.Next(3) switch
                {
                    0 => ByteMutations.FlipBits(rng, decoded),
                    1 => ByteMutations.Overwrite(rng, decoded),
                    _ => ByteMutations.DeleteRange(rng, decoded),
                };
                pdf.SetStream(content, garbled);
                return Write();
            }

            case "garbage-content":
            {
                // Bytes that do not inflate, under a FlateDecode filter.
                var garbage = new byte[1 + rng.Next(4096)];
                rng.NextBytes(garbage);
                pdf.SetRawStream(pdf.ContentsOf(page)[0], garbage, keepFilter: true);
                return Write();
            }

            case "wrong-length":
            {
                var stream = streams[rng.Next(streams.Count)];
                var length = pdf.Objects[stream].Stream!.Length;
                string[] lengths = [$"{length + rng.Next(1, 200)}", $"{Math.Max(0, length - rng.Next(1, 200))}", "0", "-5", "99999999999", "2147483647", $"{any} 0 R", "/Name"];
                pdf.SetLength(stream, lengths[rng.Next(lengths.Length)]);
                return Write();
            }

            case "nested-array":
                return Insert(pdf, Write, page, "/Junk " + Nest(rng, "[", "]", "0"));
            case "nested-dict":
                return Insert(pdf, Write, page, "/Junk " + Nest(rng, "<</A ", ">>", "1"));
            case "nested-content":
            {
                // Operands nested absurdly deep, or the graphics state pushed without end, inside a page's drawing.
                var content = pdf.ContentsOf(page)[0];
                var decoded = Encoding.Latin1.GetString(pdf.Decoded(content));
                var depth = Depth(rng);
                var junk = rng.Next(3) switch
                {
                    0 => Nest(rng, "[", "]", "(x)") + " TJ\n",
                    1 => string.Concat(Enumerable.Repeat("q ", depth)) + "\n",
                    _ => "BT " + string.Concat(Enumerable.Repeat("<< /A ", depth)) + " BI ID x EI\n",
                };
                var at = rng.Next(decoded.Length + 1);
                pdf.SetStream(content, Encoding.Latin1.GetBytes(decoded.Insert(at, "\n" + junk)));
                return Write();
            }

            case "page-tree":
            {
                var root = PdfObjects.Reference(pdf.Trailer, "Root")!.Value;
                var tree = PdfObjects.Reference(pdf.Objects[root].Head, "Pages")!.Value;
                var head = pdf.Objects[tree].Head;
                head = rng.Next(5) switch
                {
                    // The tree's kids include the tree itself, or a page twice; /Count lies.
                    0 => head.Replace("/Kids[", $"/Kids[ {tree} 0 R ", StringComparison.Ordinal).Replace("/Kids [", $"/Kids [ {tree} 0 R ", StringComparison.Ordinal),
                    1 => head.Replace("/Kids[", $"/Kids[ {page} 0 R {page} 0 R ", StringComparison.Ordinal),
                    2 => System.Text.RegularExpressions.Regex.Replace(head, @"/Count\s+\d+", "/Count 2147483647"),
                    3 => System.Text.RegularExpressions.Regex.Replace(head, @"/Count\s+\d+", "/Count -3"),
                    _ => System.Text.RegularExpressions.Regex.Replace(head, @"/Kids\s*\[[^\]]*\]", "/Kids 99999 0 R"),
                };
                pdf.Objects[tree] = pdf.Objects[tree] with { Head = head };
                if (rng.Next(2) == 0)
                {
                    // A page that names itself as its parent.
                    pdf.Objects[page] = pdf.Objects[page] with { Head = System.Text.RegularExpressions.Regex.Replace(pdf.Objects[page].Head, @"/Parent\s+\d+\s+0\s+R", $"/Parent {page} 0 R") };
                }

                return Write();
            }

            case "missing-ref":
            {
                // A reference that leads nowhere: contents, resources, fonts.
                var head = pdf.Objects[page].Head;
                var key = new[] { "Contents", "Resources", "MediaBox", "Parent" }[rng.Next(4)];
                head = System.Text.RegularExpressions.Regex.Replace(head, "/" + key + @"\s*(\d+\s+\d+\s+R|\[[^\]]*\])", $"/{key} 88888 0 R");
                pdf.Objects[page] = pdf.Objects[page] with { Head = head };
                return Write();
            }

            case "self-ref":
            {
                // An object whose value is a reference to itself, or two that point at each other.
                var a = pdf.Objects.Keys.ElementAt(rng.Next(pdf.Objects.Count));
                var b = pdf.Objects.Keys.ElementAt(rng.Next(pdf.Objects.Count));
                pdf.Objects[a] = new PdfObject(a, $"{b} 0 R", null);
                pdf.Objects[b] = new PdfObject(b, $"{a} 0 R", null);
                return Write();
            }

            case "structure-loop":
            {
                // Structures that lead back to themselves: a form that draws itself, a name tree or outline that is its own child.
                var root = PdfObjects.Reference(pdf.Trailer, "Root")!.Value;
                var n = pdf.Objects.Keys.Max() + 1;
                switch (rng.Next(3))
                {
                    case 0:
                    {
                        pdf.Objects[n] = new PdfObject(n, $"<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /Me {n} 0 R >> >> >>", Encoding.ASCII.GetBytes("q /Me Do Q\n"));
                        pdf.SetRawStream(n, pdf.Objects[n].Stream!);
                        var content = pdf.ContentsOf(page)[0];
                        pdf.SetStream(content, Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(pdf.Decoded(content)) + "\nq /Me Do Q\n"));
                        var head = pdf.Objects[page].Head;
                        var resources = PdfObjects.Reference(head, "Resources");
                        var target = resources ?? page;
                        var dictionary = pdf.Objects[target].Head;
                        pdf.Objects[target] = pdf.Objects[target] with { Head = dictionary.Insert(dictionary.LastIndexOf(">>", StringComparison.Ordinal), $"/XObject << /Me {n} 0 R >>") };
                        break;
                    }

                    case 1:
                        pdf.Objects[root] = pdf.Objects[root] with { Head = pdf.Objects[root].Head.Replace("/Pages", $"/Names << /Dests {n} 0 R >> /Pages", StringComparison.Ordinal) };
                        pdf.Objects[n] = new PdfObject(n, $"<< /Kids [{n} 0 R] /Names [(a) [{page} 0 R /XYZ 0 0 0]] >>", null);
                        break;
                    default:
                        pdf.Objects[root] = pdf.Objects[root] with { Head = pdf.Objects[root].Head.Replace("/Pages", $"/Outlines {n} 0 R /Pages", StringComparison.Ordinal) };
                        pdf.Objects[n] = new PdfObject(n, $"<< /First {n} 0 R /Last {n} 0 R /Next {n} 0 R /Parent {n} 0 R /Title (a) >>", null);
                        break;
                }

                return Write();
            }

            case "damage-font":
            {
                // An embedded font program or font dictionary damaged.
                var fonts = pdf.Objects.Values.Where(static o => o.Head.Contains("/Length1", StringComparison.Ordinal) || o.Head.Contains("/Subtype/CIDFontType", StringComparison.Ordinal)
                    || o.Head.Contains("/Type/Font", StringComparison.Ordinal) || o.Head.Contains("/FontDescriptor", StringComparison.Ordinal)).ToList();
                if (fonts.Count == 0)
                {
                    return ByteMutations.FlipBits(rng, source);
                }

                var font = fonts[rng.Next(fonts.Count)];
                if (font.Stream is not null && rng.Next(3) > 0)
                {
                    var decoded = pdf.Decoded(font.Number);
                    pdf.SetStream(font.Number, rng.Next(2) == 0 ? ByteMutations.Overwrite(rng, decoded) : ByteMutations.Truncate(decoded, rng.Next(decoded.Length)));
                }
                else
                {
                    pdf.Objects[font.Number] = font with { Head = Encoding.Latin1.GetString(ByteMutations.ExtremeNumber(rng, Encoding.Latin1.GetBytes(font.Head))) };
                }

                return Write();
            }

            case "media-box":
            {
                string[] boxes = ["[0 0 0 0]", "[0 0 -595 -842]", "[0 0 1e300 1e300]", "[NaN 0 1 1]", "[0 0 595]", "[]", "(box)", "[0 0 99999999999 842]"];
                var box = boxes[rng.Next(boxes.Length)];
                foreach (var n in new[] { page, pdf.Objects.Keys.First(k => pdf.Objects[k].Head.Contains("/Type/Pages", StringComparison.Ordinal)) })
                {
                    pdf.Objects[n] = pdf.Objects[n] with { Head = System.Text.RegularExpressions.Regex.Replace(pdf.Objects[n].Head, @"/MediaBox\s*\[[^\]]*\]", "/MediaBox" + box) };
                }

                return Write();
            }

            default:
            {
                // drop-keyword: the file's structure words removed or misspelt.
                var text = Encoding.Latin1.GetString(source);
                string[] keywords = ["endobj", "endstream", "stream", "xref", "trailer", "startxref", "%%EOF", " obj", " R"];
                var keyword = keywords[rng.Next(keywords.Length)];
                var positions = new List<int>();
                for (var i = text.IndexOf(keyword, StringComparison.Ordinal); i >= 0; i = text.IndexOf(keyword, i + 1, StringComparison.Ordinal))
                {
                    positions.Add(i);
                }

                if (positions.Count == 0)
                {
                    return ByteMutations.FlipBits(rng, source);
                }

                var at = positions[rng.Next(positions.Count)];
                var replacement = rng.Next(2) == 0 ? string.Empty : keyword.ToUpperInvariant();
                return Encoding.Latin1.GetBytes(text[..at] + replacement + text[(at + keyword.Length)..]);
            }
        }
    }

    private static int Depth(Random rng) => new[] { 1_000, 10_000, 100_000 }[rng.Next(3)];

    private static string Nest(Random rng, string open, string close, string core)
    {
        var depth = Depth(rng);
        var sb = new StringBuilder((open.Length + close.Length) * depth + core.Length);
        for (var i = 0; i < depth; i++)
        {
            sb.Append(open);
        }

        sb.Append(core);
        for (var i = 0; i < depth; i++)
        {
            sb.Append(close);
        }

        return sb.ToString();
    }

    private static byte[] Insert(PdfObjects pdf, Func<byte[]> write, int number, string entry)
    {
        var head = pdf.Objects[number].Head;
        var at = head.LastIndexOf(">>", StringComparison.Ordinal);
        pdf.Objects[number] = pdf.Objects[number] with { Head = head.Insert(at, entry) };
        return write();
    }
}
