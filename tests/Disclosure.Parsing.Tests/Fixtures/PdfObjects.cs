using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Disclosure.Parsing.Tests.Fixtures;

/// <summary>One indirect object of a PDF: the text of its dictionary (or whole body) and, for a stream, its raw data.</summary>
internal sealed record PdfObject(int Number, string Head, byte[]? Stream);

/// <summary>
/// A minimal editor of PDFs with a classic cross-reference table, as LibreOffice writes them: the objects by number, to
/// replace one and write the file again with a table that points at every object. Fixture and test code only; it reads
/// the files this repository generates, not PDFs in general (no object streams, no cross-reference streams).
/// </summary>
internal sealed partial class PdfObjects
{
    // Latin-1 maps every byte to one char and back, so text operations keep binary data intact.
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public PdfObjects(byte[] pdf)
    {
        var text = Latin1.GetString(pdf);
        var version = Header().Match(text);
        Version = version.Success ? version.Groups[1].Value : "1.6";
        foreach (Match m in ObjectStart().Matches(text))
        {
            var number = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var bodyStart = m.Index + m.Length;
            var end = text.IndexOf("endobj", bodyStart, StringComparison.Ordinal);
            var stream = StreamKeyword().Match(text, bodyStart);
            if (stream.Success && (end < 0 || stream.Index < end))
            {
                var dataStart = stream.Index + stream.Length;
                var dataEnd = text.IndexOf("endstream", dataStart, StringComparison.Ordinal);
                var data = pdf[dataStart..TrimEol(text, dataEnd)];
                Objects[number] = new PdfObject(number, text[bodyStart..stream.Index].Trim() , data);
                end = text.IndexOf("endobj", dataEnd, StringComparison.Ordinal);
            }
            else if (end >= 0)
            {
                Objects[number] = new PdfObject(number, text[bodyStart..end].Trim(), null);
            }
        }

        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        if (trailerAt < 0 || Objects.Count == 0)
        {
            throw new InvalidDataException("not a PDF with a classic cross-reference table");
        }

        var startxref = text.IndexOf("startxref", trailerAt, StringComparison.Ordinal);
        Trailer = text[(trailerAt + "trailer".Length)..(startxref < 0 ? text.Length : startxref)].Trim();
    }

    public string Version { get; }

    public SortedDictionary<int, PdfObject> Objects { get; } = [];

    public string Trailer { get; set; }

    /// <summary>The object numbers of the pages, in page order (the page tree walked from the catalogue).</summary>
    public List<int> Pages()
    {
        var root = Reference(Trailer, "Root") ?? throw new InvalidDataException("no /Root");
        var pages = Reference(Objects[root].Head, "Pages") ?? throw new InvalidDataException("no /Pages");
        var result = new List<int>();
        var pending = new Stack<int>([pages]);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            var head = Objects[node].Head;
            if (TypeName().Match(head) is { Success: true } type && type.Groups[1].Value == "Page")
            {
                result.Add(node);
                continue;
            }

            var kids = Kids().Match(head);
            foreach (var r in References(kids.Groups[1].Value).Reverse())
            {
                pending.Push(r);
            }
        }

        return result;
    }

    /// <summary>The content streams of a page, in drawing order.</summary>
    public List<int> ContentsOf(int page)
    {
        var head = Objects[page].Head;
        var array = ContentsArray().Match(head);
        if (array.Success)
        {
            return References(array.Groups[1].Value).ToList();
        }

        return Reference(head, "Contents") is { } single ? [single] : [];
    }

    /// <summary>A stream's data decoded, when it is unfiltered or FlateDecode.</summary>
    public byte[] Decoded(int number)
    {
        var o = Objects[number];
        var data = o.Stream ?? throw new InvalidOperationException($"object {number} is not a stream");
        if (!o.Head.Contains("/FlateDecode", StringComparison.Ordinal))
        {
            return data;
        }

        using var input = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Replaces a stream's data with <paramref name="data"/> as it is (no filter), its /Length written directly.</summary>
    public void SetRawStream(int number, byte[] data, bool keepFilter = false)
    {
        var head = Objects[number].Head;
        if (!keepFilter)
        {
            head = Filter().Replace(head, string.Empty);
        }

        Objects[number] = new PdfObject(number, WithLength(head, data.Length.ToString(CultureInfo.InvariantCulture)), data);
    }

    /// <summary>Replaces a stream's decoded data, compressed again with FlateDecode.</summary>
    public void SetStream(int number, byte[] decoded)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(decoded);
        }

        var head = Filter().Replace(Objects[number].Head, string.Empty);
        head = head.Insert(head.LastIndexOf(">>", StringComparison.Ordinal), "/Filter/FlateDecode");
        Objects[number] = new PdfObject(number, WithLength(head, output.Length.ToString(CultureInfo.InvariantCulture)), output.ToArray());
    }

    /// <summary>Sets a stream's /Length to any text, right or wrong.</summary>
    public void SetLength(int number, string length) => Objects[number] = Objects[number] with { Head = WithLength(Objects[number].Head, length) };

    /// <summary>
    /// Writes the file. <paramref name="offsetOf"/> may move what the cross-reference table says of an object's offset
    /// (to damage it); by default the table is right.
    /// </summary>
    public byte[] Write(Func<int, long, long>? offsetOf = null)
    {
        using var output = new MemoryStream();
        void Put(string s) => output.Write(Latin1.GetBytes(s));
        Put($"%PDF-{Version}\n%\u00E2\u00E3\u00CF\u00D3\n");
        var offsets = new SortedDictionary<int, long>();
        foreach (var o in Objects.Values)
        {
            offsets[o.Number] = output.Position;
            Put($"{o.Number} 0 obj\n{o.Head}\n");
            if (o.Stream is { } data)
            {
                Put("stream\n");
                output.Write(data);
                Put("\nendstream\n");
            }

            Put("endobj\n");
        }

        var size = offsets.Keys.Max() + 1;
        var xref = output.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {size}\n0000000000 65535 f \n");
        for (var n = 1; n < size; n++)
        {
            table.Append(offsets.TryGetValue(n, out var at)
                ? string.Create(CultureInfo.InvariantCulture, $"{offsetOf?.Invoke(n, at) ?? at:0000000000} 00000 n \n")
                : "0000000000 65535 f \n");
        }

        Put(table.ToString());
        var trailer = SizeEntry().Replace(Trailer, string.Create(CultureInfo.InvariantCulture, $"/Size {size}"));
        Put($"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    /// <summary>
    /// Writes the file as Word and WPS do: every object that is not a stream packed into one compressed object stream,
    /// found through a cross-reference stream instead of a table (PDF 1.5).
    /// </summary>
    public byte[] WriteCompressed()
    {
        using var output = new MemoryStream();
        void Put(string s) => output.Write(Latin1.GetBytes(s));
        Put("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
        var packNumber = Objects.Keys.Max() + 1;
        var xrefNumber = packNumber + 1;
        var plain = new SortedDictionary<int, long>();
        var packed = new List<PdfObject>();
        foreach (var o in Objects.Values)
        {
            if (o.Stream is null)
            {
                packed.Add(o);
                continue;
            }

            plain[o.Number] = output.Position;
            Put($"{o.Number} 0 obj\n{o.Head}\nstream\n");
            output.Write(o.Stream);
            Put("\nendstream\nendobj\n");
        }

        // The object stream: pairs of number and offset, then the bodies.
        var header = new StringBuilder();
        var bodies = new StringBuilder();
        foreach (var o in packed)
        {
            header.Append(CultureInfo.InvariantCulture, $"{o.Number} {bodies.Length} ");
            bodies.Append(o.Head).Append('\n');
        }

        var pack = Deflate(Latin1.GetBytes(header.ToString() + bodies));
        plain[packNumber] = output.Position;
        Put(string.Create(CultureInfo.InvariantCulture, $"{packNumber} 0 obj\n<</Type/ObjStm/N {packed.Count}/First {header.Length}/Filter/FlateDecode/Length {pack.Length}>>\nstream\n"));
        output.Write(pack);
        Put("\nendstream\nendobj\n");

        // The cross-reference stream: type 1 (offset) for plain objects, type 2 (stream, index) for packed ones; widths 1 4 2.
        var size = xrefNumber + 1;
        var rows = new byte[size * 7];
        void Row(int n, byte type, long field2, int field3)
        {
            rows[n * 7] = type;
            for (var b = 0; b < 4; b++)
            {
                rows[(n * 7) + 1 + b] = (byte)(field2 >> (8 * (3 - b)));
            }

            rows[(n * 7) + 5] = (byte)(field3 >> 8);
            rows[(n * 7) + 6] = (byte)field3;
        }

        Row(0, 0, 0, 65535);
        foreach (var (n, at) in plain)
        {
            Row(n, 1, at, 0);
        }

        for (var i = 0; i < packed.Count; i++)
        {
            Row(packed[i].Number, 2, packNumber, i);
        }

        var xref = output.Position;
        Row(xrefNumber, 1, xref, 0);
        var table = Deflate(rows);
        var trailer = Trailer.Trim();
        var entries = trailer[2..^2].Trim();
        entries = SizeEntry().Replace(entries, string.Empty);
        entries = System.Text.RegularExpressions.Regex.Replace(entries, @"/DocChecksum\s*/\w+", string.Empty);
        Put(string.Create(CultureInfo.InvariantCulture, $"{xrefNumber} 0 obj\n<</Type/XRef/Size {size}/W[1 4 2]/Filter/FlateDecode/Length {table.Length}{entries}>>\nstream\n"));
        output.Write(table);
        Put(string.Create(CultureInfo.InvariantCulture, $"\nendstream\nendobj\nstartxref\n{xref}\n%%EOF\n"));
        return output.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(data);
        }

        return output.ToArray();
    }

    public static int? Reference(string dictionary, string key)
    {
        var m = Regex.Match(dictionary, "/" + key + @"\s+(\d+)\s+\d+\s+R");
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static IEnumerable<int> References(string text) =>
        ReferenceList().Matches(text).Select(static m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    private static string WithLength(string head, string length) =>
        LengthEntry().IsMatch(head)
            ? LengthEntry().Replace(head, "/Length " + length, 1)
            : head.Insert(head.LastIndexOf(">>", StringComparison.Ordinal), "/Length " + length);

    private static int TrimEol(string text, int end) =>
        end >= 2 && text[end - 2] == '\r' && text[end - 1] == '\n' ? end - 2 : end >= 1 && text[end - 1] is '\n' or '\r' ? end - 1 : end;

    [GeneratedRegex(@"^%PDF-(\d\.\d)")]
    private static partial Regex Header();

    [GeneratedRegex(@"(?<=[\r\n])(\d+)\s+(\d+)\s+obj\b")]
    private static partial Regex ObjectStart();

    [GeneratedRegex(@"(?<=>>)\s*stream\r?\n")]
    private static partial Regex StreamKeyword();

    [GeneratedRegex(@"/Type\s*/(\w+)")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"/Kids\s*\[([^\]]*)\]")]
    private static partial Regex Kids();

    [GeneratedRegex(@"/Contents\s*\[([^\]]*)\]")]
    private static partial Regex ContentsArray();

    [GeneratedRegex(@"(\d+)\s+\d+\s+R")]
    private static partial Regex ReferenceList();

    [GeneratedRegex(@"/Filter\s*(?:/\w+|\[[^\]]*\])")]
    private static partial Regex Filter();

    [GeneratedRegex(@"/Length\s+(?:\d+\s+\d+\s+R|-?\d+)")]
    private static partial Regex LengthEntry();

    [GeneratedRegex(@"/Size\s+\d+")]
    private static partial Regex SizeEntry();
}
