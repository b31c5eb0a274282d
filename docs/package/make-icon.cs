// Draws the NuGet package icon (docs/package/icon.png, 128 x 128): a red tile, a white table sheet ruled in red, and a
// gold seal with a check mark. Nothing is fetched; run it again after changing the drawing:
//
//   dotnet run docs/package/make-icon.cs
//
// A .NET 10 file-based program: PNG written by hand (zlib from the BCL, CRC-32 below), 4 x 4 samples a pixel.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;

const int Size = 128;
const int Samples = 4;
var output = Path.Combine(Path.GetDirectoryName(ThisFile())!, "icon.png");

var pixels = new byte[Size * (1 + Size * 4)];
for (var y = 0; y < Size; y++)
{
    var row = y * (1 + Size * 4);
    pixels[row] = 0; // filter: none
    for (var x = 0; x < Size; x++)
    {
        double r = 0, g = 0, b = 0, a = 0;
        for (var sy = 0; sy < Samples; sy++)
        {
            for (var sx = 0; sx < Samples; sx++)
            {
                var (cr, cg, cb, ca) = Paint(x + (sx + 0.5) / Samples, y + (sy + 0.5) / Samples);
                r += cr * ca;
                g += cg * ca;
                b += cb * ca;
                a += ca;
            }
        }

        var o = row + 1 + x * 4;
        pixels[o] = a == 0 ? (byte)0 : (byte)Math.Round(r / a);
        pixels[o + 1] = a == 0 ? (byte)0 : (byte)Math.Round(g / a);
        pixels[o + 2] = a == 0 ? (byte)0 : (byte)Math.Round(b / a);
        pixels[o + 3] = (byte)Math.Round(255 * a / (Samples * Samples));
    }
}

using (var file = File.Create(output))
{
    file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
    var header = new byte[13];
    BinaryPrimitives.WriteInt32BigEndian(header, Size);
    BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Size);
    header[8] = 8; // bits per channel
    header[9] = 6; // RGBA
    Chunk(file, "IHDR", header);
    using var compressed = new MemoryStream();
    using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
    {
        zlib.Write(pixels);
    }

    Chunk(file, "IDAT", compressed.ToArray());
    Chunk(file, "IEND", []);
}

Console.WriteLine($"wrote {output}");

// The colour at a point: later shapes are drawn over earlier ones.
static (double R, double G, double B, double A) Paint(double x, double y)
{
    (double, double, double, double) color = (0, 0, 0, 0);
    if (InRoundedRect(x, y, 4, 4, 124, 124, 22))
    {
        color = (183, 28, 28, 1); // the red tile
    }

    if (InRoundedRect(x, y, 22, 24, 106, 100, 6))
    {
        color = (255, 255, 255, 1); // the sheet
        var onRule = (y >= 24 && y < 36) // the header band
            || Near(y, 52) || Near(y, 68) || Near(y, 84)
            || (y >= 36 && (Near(x, 50) || Near(x, 78)));
        if (onRule)
        {
            color = (183, 28, 28, 1);
        }
    }

    var (cx, cy, radius) = (96.0, 94.0, 22.0);
    var d = Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
    if (d <= radius + 3)
    {
        color = (255, 255, 255, 1); // the seal's white ring
    }

    if (d <= radius)
    {
        color = (242, 169, 0, 1); // the gold seal
        if (NearSegment(x, y, 85, 94, 93, 102, 3.2) || NearSegment(x, y, 93, 102, 107, 86, 3.2))
        {
            color = (255, 255, 255, 1); // the check mark
        }
    }

    return color;
}

static bool Near(double value, double line) => Math.Abs(value - line) <= 1.5;

static bool InRoundedRect(double x, double y, double left, double top, double right, double bottom, double radius)
{
    if (x < left || x > right || y < top || y > bottom)
    {
        return false;
    }

    var dx = Math.Max(Math.Max(left + radius - x, x - (right - radius)), 0);
    var dy = Math.Max(Math.Max(top + radius - y, y - (bottom - radius)), 0);
    return dx * dx + dy * dy <= radius * radius;
}

static bool NearSegment(double x, double y, double x1, double y1, double x2, double y2, double halfWidth)
{
    var (vx, vy) = (x2 - x1, y2 - y1);
    var t = Math.Clamp(((x - x1) * vx + (y - y1) * vy) / (vx * vx + vy * vy), 0, 1);
    var (px, py) = (x1 + t * vx - x, y1 + t * vy - y);
    return px * px + py * py <= halfWidth * halfWidth;
}

static void Chunk(Stream stream, string type, byte[] data)
{
    Span<byte> length = stackalloc byte[4];
    BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
    stream.Write(length);
    var typed = new byte[4 + data.Length];
    for (var i = 0; i < 4; i++)
    {
        typed[i] = (byte)type[i];
    }

    data.CopyTo(typed, 4);
    stream.Write(typed);
    Span<byte> crc = stackalloc byte[4];
    BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
    stream.Write(crc);
}

static uint Crc32(byte[] data)
{
    var crc = 0xFFFFFFFFu;
    foreach (var b in data)
    {
        crc ^= b;
        for (var k = 0; k < 8; k++)
        {
            crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
    }

    return ~crc;
}

static string ThisFile([CallerFilePath] string path = "") => path;
