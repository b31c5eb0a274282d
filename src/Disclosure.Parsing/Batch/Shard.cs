using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Disclosure.Parsing.Batch;

/// <summary>
/// One of <see cref="Count"/> disjoint parts of a file list, chosen by a hash of each file's path relative to the root
/// it was found under: a pure function of the path, so machines given the same roots agree on the parts without
/// talking, and a file keeps its part when others are added or removed.
/// </summary>
/// <param name="Index">Which part, from 0 (Kubernetes' <c>JOB_COMPLETION_INDEX</c>, a Slurm array from 0).</param>
/// <param name="Count">How many parts.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>Reads <c>K/N</c>: part K (from 0) of N.</summary>
    /// <exception cref="FormatException">Not K/N with 0 ≤ K &lt; N.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count > 0 && index < count)
        {
            return new Shard(index, count);
        }

        throw new FormatException($"a shard is K/N with K from 0 to N-1 (e.g. 0/4 … 3/4), not '{text}'");
    }

    /// <summary>Whether the file at <paramref name="relativePath"/> (relative to its root) belongs to this part.</summary>
    public bool Contains(string relativePath) => Of(relativePath, Count) == Index;

    /// <summary>
    /// The part (0 … <paramref name="count"/> − 1) a relative path belongs to: the first 8 bytes of the SHA-256 of its UTF-8
    /// (separators as '/', no leading '/'), read as a big-endian unsigned number, modulo <paramref name="count"/>. The same
    /// on every platform and in every language (string.GetHashCode is randomised per process, and cheap hashes spread
    /// numbered file names unevenly).
    /// </summary>
    public static int Of(string relativePath, int count)
    {
        var normalized = relativePath.Replace('\\', '/').TrimStart('/');
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalized), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
