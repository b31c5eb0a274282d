using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Disclosure.Parsing.Tests.Robustness;

/// <summary>
/// Damage to a Word package: the zip's records (local headers, central directory, sizes, CRCs) and its parts (a part's
/// bytes flipped, the body malformed or nested absurdly deep, numbering and styles broken or nonsensical).
/// </summary>
internal static class DocxMutations
{
    public static string[] Kinds { get; } =
    [
        "part-bytes", "local-header", "central-entry", "cut-central", "end-record", "malformed-document", "nested-document",
        "odd-numbering", "broken-part", "empty-part", "drop-part",
    ];

    private const uint EndRecord = 0x06054b50;
    private const uint CentralEntry = 0x02014b50;

    public static byte[] Apply(string kind, Random rng, byte[] source)
    {
        switch (kind)
        {
            case "part-bytes":
            {
                // Flip bytes inside one entry's compressed data.
                var result = (byte[])source.Clone();
                var (start, length) = EntryData(source, Entries(source)[rng.Next(Entries(source).Count)]);
                if (length == 0)
                {
                    return ByteMutations.FlipBits(rng, source);
                }

                for (var i = 0; i < 1 + rng.Next(8); i++)
                {
                    result[start + rng.Next(length)] ^= (byte)(1 << rng.Next(8));
                }

                return result;
            }

            case "local-header":
            {
                var result = (byte[])source.Clone();
                var local = (int)LocalOffset(source, Entries(source)[rng.Next(Entries(source).Count)]);
                // signature, method, CRC, compressed size, uncompressed size, name length, extra length
                int[] fields = [0, 8, 14, 18, 22, 26, 28];
                var field = fields[rng.Next(fields.Length)];
                Damage(rng, result, local + field, field is 8 or 26 or 28 ? 2 : 4);
                return result;
            }

            case "central-entry":
            {
                var result = (byte[])source.Clone();
                var entry = Entries(source)[rng.Next(Entries(source).Count)];
                // method, CRC, compressed size, uncompressed size, name length, extra length, local header offset
                int[] fields = [10, 16, 20, 24, 28, 30, 42];
                var field = fields[rng.Next(fields.Length)];
                Damage(rng, result, entry + field, field is 10 or 28 or 30 ? 2 : 4);
                return result;
            }

            case "cut-central":
            {
                var entries = Entries(source);
                var cut = rng.Next(entries[0], source.Length);
                return source[..cut];
            }

            case "end-record":
            {
                var result = (byte[])source.Clone();
                var end = FindEnd(source);
                int[] fields = [8, 10, 12, 16, 20];
                var field = fields[rng.Next(fields.Length)];
                Damage(rng, result, end + field, field is 8 or 10 or 20 ? 2 : 4);
                return result;
            }

            case "malformed-document":
                return WithPart(source, "word/document.xml", xml => Malformed(rng, xml));
            case "nested-document":
                return WithPart(source, "word/document.xml", xml => Nested(rng, xml));
            case "odd-numbering":
                return WithPart(source, rng.Next(2) == 0 ? "word/numbering.xml" : "word/styles.xml", xml => OddValues(rng, xml));
            case "broken-part":
            {
                var name = Pick(rng, source);
                return WithPart(source, name, xml => rng.Next(2) == 0 ? Malformed(rng, xml) : Encoding.Latin1.GetString(ByteMutations.Overwrite(rng, Encoding.Latin1.GetBytes(xml))));
            }

            case "empty-part":
                return WithPart(source, Pick(rng, source), _ => string.Empty);
            default:
            {
                // drop-part: one part missing from the package.
                var name = Pick(rng, source);
                return Rebuild(source, parts => parts.Remove(name));
            }
        }
    }

    private static string Pick(Random rng, byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var names = zip.Entries.Select(static e => e.FullName).ToList();
        return names[rng.Next(names.Count)];
    }

    private static void Damage(Random rng, byte[] bytes, int at, int width)
    {
        if (at + width > bytes.Length)
        {
            return;
        }

        var span = bytes.AsSpan(at, width);
        switch (rng.Next(4))
        {
            case 0:
                span.Fill(0xFF);
                break;
            case 1:
                span.Clear();
                break;
            case 2:
                rng.NextBytes(span);
                break;
            default:
                span[0] ^= (byte)(1 << rng.Next(8));
                break;
        }
    }

    private static string Malformed(Random rng, string xml)
    {
        switch (rng.Next(6))
        {
            case 0:
                return xml[..rng.Next(xml.Length)];
            case 1:
            {
                // A closing tag removed.
                var at = xml.IndexOf("</", rng.Next(xml.Length), StringComparison.Ordinal);
                var end = at < 0 ? -1 : xml.IndexOf('>', at);
                return at < 0 || end < 0 ? xml + "<w:p>" : xml.Remove(at, end - at + 1);
            }

            case 2:
            {
                var at = xml.IndexOf('<', rng.Next(xml.Length));
                return at < 0 ? xml : xml.Insert(at, new[] { "<w:p>", "<w:tbl><w:tr>", "</w:tc>", "<w:t>&bogus;</w:t>", "<x:undeclared/>", "<w:t>\u0001</w:t>", "&#0;" }[rng.Next(7)]);
            }

            case 3:
                return "<!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>" + xml.Replace("<w:t>", "<w:t>&c;", StringComparison.Ordinal);
            case 4:
                return xml.Replace("w:", "v:", StringComparison.Ordinal);
            default:
                return "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + xml;
        }
    }

    private static string Nested(Random rng, string xml)
    {
        var depth = new[] { 1_000, 10_000, 100_000 }[rng.Next(3)];
        (string Open, string Core, string Close)[] shapes =
        [
            ("<w:sdt><w:sdtContent>", "<w:p><w:r><w:t>x</w:t></w:r></w:p>", "</w:sdtContent></w:sdt>"),
            ("<w:customXml w:element=\"x\">", "<w:p/>", "</w:customXml>"),
            ("<w:tbl><w:tr><w:tc>", "<w:p/>", "</w:tc></w:tr></w:tbl>"),
            ("<w:p><w:hyperlink>", "<w:r><w:t>x</w:t></w:r>", "</w:hyperlink></w:p>"),
            ("<w:p>" + "", "<w:r><w:t>x</w:t></w:r>", "</w:p>"),
            ("<w:ins><w:smartTag>", "<w:r><w:t>x</w:t></w:r>", "</w:smartTag></w:ins>"),
        ];
        var (open, core, close) = shapes[rng.Next(shapes.Length)];
        var sb = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            sb.Append(open);
        }

        sb.Append(core);
        for (var i = 0; i < depth; i++)
        {
            sb.Append(close);
        }

        var at = xml.IndexOf("<w:body>", StringComparison.Ordinal);
        return at < 0 ? xml : xml.Insert(at + "<w:body>".Length, sb.ToString());
    }

    /// <summary>Numbering and style values no Word writes: levels past 8, negative or huge starts, loops of basedOn.</summary>
    private static string OddValues(Random rng, string xml)
    {
        string[] values = ["-1", "9", "99", "2147483647", "-2147483648", "abc", ""];
        var result = new StringBuilder();
        var i = 0;
        while (i < xml.Length)
        {
            var at = xml.IndexOf("w:val=\"", i, StringComparison.Ordinal);
            var ilvl = xml.IndexOf("w:ilvl=\"", i, StringComparison.Ordinal);
            var next = at < 0 ? ilvl : ilvl < 0 ? at : Math.Min(at, ilvl);
            if (next < 0)
            {
                break;
            }

            var valueStart = xml.IndexOf('"', next) + 1;
            var valueEnd = xml.IndexOf('"', valueStart);
            result.Append(xml, i, valueStart - i);
            result.Append(rng.Next(3) == 0 ? values[rng.Next(values.Length)] : xml[valueStart..valueEnd]);
            i = valueEnd;
        }

        result.Append(xml, i, xml.Length - i);
        var text = result.ToString();
        if (rng.Next(3) == 0)
        {
            // Every style based on the first one: a loop wherever the first is based on another.
            text = System.Text.RegularExpressions.Regex.Replace(text, "<w:basedOn w:val=\"[^\"]*\"/>", "<w:basedOn w:val=\"Heading1\"/>");
            text = text.Replace("<w:style ", "<w:style ", StringComparison.Ordinal).Replace("<w:name ", "<w:basedOn w:val=\"Heading1\"/><w:name ", StringComparison.Ordinal);
        }

        if (rng.Next(3) == 0)
        {
            // The same override or level twice.
            var at = text.IndexOf("<w:lvlOverride", StringComparison.Ordinal);
            var end = at < 0 ? -1 : text.IndexOf("</w:lvlOverride>", at, StringComparison.Ordinal);
            if (end > 0)
            {
                var element = text[at..(end + "</w:lvlOverride>".Length)];
                text = text.Insert(at, element);
            }

            at = text.IndexOf("<w:lvl ", StringComparison.Ordinal);
            end = at < 0 ? -1 : text.IndexOf("</w:lvl>", at, StringComparison.Ordinal);
            if (end > 0)
            {
                text = text.Insert(at, text[at..(end + "</w:lvl>".Length)]);
            }
        }

        return text;
    }

    /// <summary>Offsets of the central directory's entries.</summary>
    private static List<int> Entries(byte[] zip)
    {
        var end = FindEnd(zip);
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        var result = new List<int>();
        for (var i = 0; i < count && offset + 46 <= zip.Length && BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(offset)) == CentralEntry; i++)
        {
            result.Add(offset);
            var span = zip.AsSpan(offset);
            offset += 46 + BinaryPrimitives.ReadUInt16LittleEndian(span[28..]) + BinaryPrimitives.ReadUInt16LittleEndian(span[30..]) + BinaryPrimitives.ReadUInt16LittleEndian(span[32..]);
        }

        return result;
    }

    private static int FindEnd(byte[] zip)
    {
        for (var i = zip.Length - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == EndRecord)
            {
                return i;
            }
        }

        throw new InvalidDataException("no end of central directory record");
    }

    private static uint LocalOffset(byte[] zip, int entry) => BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(entry + 42));

    private static (int Start, int Length) EntryData(byte[] zip, int entry)
    {
        var local = (int)LocalOffset(zip, entry);
        var span = zip.AsSpan(local);
        var start = local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(span[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(span[28..]);
        var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(entry + 20));
        return (start, Math.Min(length, zip.Length - start));
    }

    /// <summary>The package with one part's XML changed; every other part as it was.</summary>
    public static byte[] WithPart(byte[] package, string name, Func<string, string> change) =>
        Rebuild(package, parts =>
        {
            if (parts.TryGetValue(name, out var bytes))
            {
                parts[name] = Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(bytes)));
            }
        });

    private static byte[] Rebuild(byte[] package, Action<Dictionary<string, byte[]>> change)
    {
        var parts = new Dictionary<string, byte[]>();
        var order = new List<string>();
        using (var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        {
            foreach (var e in zip.Entries)
            {
                using var s = e.Open();
                using var m = new MemoryStream();
                s.CopyTo(m);
                parts[e.FullName] = m.ToArray();
                order.Add(e.FullName);
            }
        }

        change(parts);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in order.Where(parts.ContainsKey))
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(parts[name]);
            }
        }

        return output.ToArray();
    }
}
