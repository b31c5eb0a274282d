using System.Globalization;
using System.IO.Compression;

namespace Disclosure.Parsing.Reading.Pdf;

/// <summary>
/// Finds objects whose whole value is a reference to another object (<c>5 0 obj 7 0 R endobj</c>) that lead round in a
/// loop. PdfPig follows such chains by recursion, so a loop overflows the stack and kills the process: no exception
/// to catch. A loop among plain objects is broken by writing <c>null</c> over the references (same length, so the
/// cross-reference table still points right); one inside a compressed object stream cannot be patched in place and
/// the file is refused.
/// </summary>
internal static class ReferenceLoops
{
    // Far longer than any real chain; PdfPig's recursion would survive it, and anything longer is damage.
    private const int MaxChain = 64;

    /// <summary>The bytes PdfPig may read safely: <paramref name="pdf"/> itself, or a patched copy.</summary>
    /// <param name="pdf">The file.</param>
    /// <param name="problems">Gets a note for each loop broken.</param>
    /// <exception cref="DocumentReadException">A loop inside a compressed object stream.</exception>
    public static byte[] Break(byte[] pdf, List<string> problems)
    {
        var edges = new Dictionary<int, Edge>();
        FindPlain(pdf, edges);
        if (pdf.AsSpan().IndexOf("/ObjStm"u8) >= 0)
        {
            FindCompressed(pdf, edges);
        }

        if (edges.Count == 0)
        {
            return pdf;
        }

        var looped = new SortedSet<int>();
        var done = new HashSet<int>();
        foreach (var start in edges.Keys)
        {
            var path = new List<int>();
            var onPath = new HashSet<int>();
            var node = start;
            while (edges.TryGetValue(node, out var edge) && !done.Contains(node))
            {
                if (!onPath.Add(node) || path.Count >= MaxChain)
                {
                    // Back on the path (a loop), or a chain too long to be anything but damage: break it all.
                    looped.UnionWith(path);
                    break;
                }

                path.Add(node);
                node = edge.Target;
            }

            done.UnionWith(path);
        }

        if (looped.Count == 0)
        {
            return pdf;
        }

        var names = string.Join(", ", looped.Take(8).Select(static n => n.ToString(CultureInfo.InvariantCulture))) + (looped.Count > 8 ? ", …" : string.Empty);
        if (looped.Any(n => edges[n].Bodies.Count == 0))
        {
            throw new DocumentReadException($"a damaged PDF: its objects {names} refer to one another in a loop, inside a compressed object stream");
        }

        var patched = (byte[])pdf.Clone();
        foreach (var n in looped)
        {
            foreach (var (at, length) in edges[n].Bodies)
            {
                var body = patched.AsSpan(at, length);
                body.Fill((byte)' ');
                "null"u8.CopyTo(body);
            }
        }

        problems.Add($"objects {names} referred to one another in a loop and were read as empty");
        return patched;
    }

    private sealed class Edge(int target)
    {
        public int Target { get; set; } = target;

        /// <summary>Where the reference is written in the file, once per copy of the object; none when compressed.</summary>
        public List<(int At, int Length)> Bodies { get; } = [];
    }

    /// <summary>Plain objects: "n g obj", a lone reference (or an array of one), "endobj".</summary>
    private static void FindPlain(byte[] pdf, Dictionary<int, Edge> edges)
    {
        var s = pdf.AsSpan();
        var i = 0;
        while (i < s.Length)
        {
            var k = s[i..].IndexOf("obj"u8);
            if (k < 0)
            {
                break;
            }

            var at = i + k;
            i = at + 3;
            if (i < s.Length && IsRegular(s[i]))
            {
                continue;
            }

            var p = at - 1;
            if (!SkipBack(s, ref p, out _) || !SkipBack(s, ref p, out var number))
            {
                continue;
            }

            var bodyStart = SkipSpace(s, i);
            var q = bodyStart;
            if (ReadReference(s, ref q) is { } target && SkipSpace(s, q) is var end && s[end..].StartsWith("endobj"u8))
            {
                Add(edges, number, target, (bodyStart, q - bodyStart));
            }
        }
    }

    /// <summary>Objects inside FlateDecode object streams.</summary>
    private static void FindCompressed(byte[] pdf, Dictionary<int, Edge> edges)
    {
        var s = pdf.AsSpan();
        var i = 0;
        while (i < s.Length)
        {
            var k = s[i..].IndexOf("/ObjStm"u8);
            if (k < 0)
            {
                break;
            }

            var at = i + k;
            i = at + 7;
            var dictStart = s[..at].LastIndexOf("obj"u8);
            var streamAt = s[at..].IndexOf("stream"u8);
            if (dictStart < 0 || streamAt < 0)
            {
                continue;
            }

            var dictionary = s[dictStart..(at + streamAt)];
            var dataStart = at + streamAt + 6;
            dataStart += s[dataStart..].StartsWith("\r\n"u8) ? 2 : s[dataStart..].StartsWith("\n"u8) ? 1 : 0;
            var dataEnd = s[dataStart..].IndexOf("endstream"u8);
            if (dictionary.IndexOf("/FlateDecode"u8) < 0 || dataEnd < 0 || Integer(dictionary, "/First"u8) is not { } first)
            {
                continue;
            }

            var data = Inflate(pdf, dataStart, dataEnd);
            if (data is null || first > data.Length)
            {
                continue;
            }

            // The header: pairs of object number and offset from /First.
            var header = new List<(int Number, int Offset)>();
            var h = 0;
            while (h < first && ReadInteger(data, ref h) is { } number && ReadInteger(data, ref h) is { } offset)
            {
                header.Add((number, offset));
            }

            for (var j = 0; j < header.Count; j++)
            {
                var start = first + header[j].Offset;
                if (start < 0 || start >= data.Length)
                {
                    continue;
                }

                var q = SkipSpace(data, start);
                if (ReadReference(data, ref q) is { } target)
                {
                    var next = j + 1 < header.Count ? Math.Clamp(first + header[j + 1].Offset, q, data.Length) : data.Length;
                    if (SkipSpace(data, q) >= next)
                    {
                        Add(edges, header[j].Number, target, null);
                    }
                }
            }
        }
    }

    private static void Add(Dictionary<int, Edge> edges, int number, int target, (int, int)? body)
    {
        if (!edges.TryGetValue(number, out var edge))
        {
            edges[number] = edge = new Edge(target);
        }

        edge.Target = target;
        if (body is { } b)
        {
            edge.Bodies.Add(b);
        }
    }

    private static byte[]? Inflate(byte[] pdf, int start, int length)
    {
        try
        {
            using var input = new ZLibStream(new MemoryStream(pdf, start, length, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[16384];
            int read;

            // Object streams are small; a bomb inside one is PdfPig's to refuse, not ours to inflate.
            while ((read = input.Read(buffer)) > 0 && output.Length < 16 * 1024 * 1024)
            {
                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            // Not inflatable: PdfPig will say so when it needs the objects.
            return null;
        }
    }

    /// <summary>"n g R", or "[ n g R ]", which PdfPig also follows; the object number, or null.</summary>
    private static int? ReadReference(ReadOnlySpan<byte> s, ref int i)
    {
        var p = i;
        var bracket = p < s.Length && s[p] == '[';
        if (bracket)
        {
            p = SkipSpace(s, p + 1);
        }

        if (ReadInteger(s, ref p) is not { } number || ReadInteger(s, ref p) is null)
        {
            return null;
        }

        p = SkipSpace(s, p);
        if (p >= s.Length || s[p] != 'R' || (p + 1 < s.Length && IsRegular(s[p + 1])))
        {
            return null;
        }

        p++;
        if (bracket)
        {
            p = SkipSpace(s, p);
            if (p >= s.Length || s[p] != ']')
            {
                return null;
            }

            p++;
        }

        i = p;
        return number;
    }

    /// <summary>An unsigned integer after optional white space; the index moves past it.</summary>
    private static int? ReadInteger(ReadOnlySpan<byte> s, ref int i)
    {
        var p = SkipSpace(s, i);
        var value = 0L;
        var start = p;
        while (p < s.Length && char.IsAsciiDigit((char)s[p]) && p - start < 10)
        {
            value = (value * 10) + (s[p] - '0');
            p++;
        }

        if (p == start || value > int.MaxValue || (p < s.Length && IsRegular(s[p])))
        {
            return null;
        }

        i = p;
        return (int)value;
    }

    private static int? Integer(ReadOnlySpan<byte> dictionary, ReadOnlySpan<byte> key)
    {
        var at = dictionary.IndexOf(key);
        if (at < 0)
        {
            return null;
        }

        var p = at + key.Length;
        return ReadInteger(dictionary, ref p);
    }

    /// <summary>Reads backwards over white space and then an integer ending at <paramref name="p"/>.</summary>
    private static bool SkipBack(ReadOnlySpan<byte> s, ref int p, out int value)
    {
        value = 0;
        var spaced = false;
        while (p >= 0 && IsSpace(s[p]))
        {
            p--;
            spaced = true;
        }

        var end = p;
        while (p >= 0 && char.IsAsciiDigit((char)s[p]) && end - p < 10)
        {
            p--;
        }

        if (!spaced || p == end || (p >= 0 && IsRegular(s[p]))
            || !int.TryParse(s[(p + 1)..(end + 1)], NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        return true;
    }

    private static int SkipSpace(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && IsSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C or 0;

    // Neither white space nor a delimiter: part of a number, name or keyword.
    private static bool IsRegular(byte b) => !IsSpace(b) && b is not ((byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');
}
