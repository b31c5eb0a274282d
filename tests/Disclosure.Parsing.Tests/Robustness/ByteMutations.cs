using System.Text;

namespace Disclosure.Parsing.Tests.Robustness;

/// <summary>Damage that knows nothing of the format: bits flipped, bytes cut, two files spliced.</summary>
internal static class ByteMutations
{
    public static byte[] FlipBits(Random rng, byte[] source)
    {
        var result = (byte[])source.Clone();
        var flips = 1 + rng.Next(16);
        for (var i = 0; i < flips; i++)
        {
            result[rng.Next(result.Length)] ^= (byte)(1 << rng.Next(8));
        }

        return result;
    }

    /// <summary>A run of bytes overwritten with random ones, as a bad sector or a broken download does.</summary>
    public static byte[] Overwrite(Random rng, byte[] source)
    {
        var result = (byte[])source.Clone();
        var length = Math.Min(result.Length, 1 + rng.Next(512));
        var at = rng.Next(result.Length - length + 1);
        rng.NextBytes(result.AsSpan(at, length));
        return result;
    }

    public static byte[] Truncate(byte[] source, int length) => source[..Math.Clamp(length, 1, source.Length)];

    /// <summary>The head of one file and the tail of another.</summary>
    public static byte[] Splice(Random rng, byte[] first, byte[] second)
    {
        var cut = rng.Next(1, first.Length);
        var from = rng.Next(second.Length);
        return [.. first.AsSpan(0, cut), .. second.AsSpan(from)];
    }

    public static byte[] DeleteRange(Random rng, byte[] source)
    {
        var length = Math.Min(source.Length - 1, 1 + rng.Next(Math.Max(1, source.Length / 8)));
        var at = rng.Next(source.Length - length);
        return [.. source.AsSpan(0, at), .. source.AsSpan(at + length)];
    }

    /// <summary>A chunk of the file copied in again elsewhere: repeated objects, parts, rows.</summary>
    public static byte[] DuplicateRange(Random rng, byte[] source)
    {
        var length = 1 + rng.Next(Math.Max(1, source.Length / 8));
        var from = rng.Next(Math.Max(1, source.Length - length));
        length = Math.Min(length, source.Length - from);
        var to = rng.Next(source.Length);
        return [.. source.AsSpan(0, to), .. source.AsSpan(from, length), .. source.AsSpan(to)];
    }

    /// <summary>A number in the text replaced by an extreme one: offsets, lengths, counts, spans.</summary>
    public static byte[] ExtremeNumber(Random rng, byte[] source)
    {
        string[] extremes = ["0", "-1", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e308", "NaN", "0.000000001", "-0"];
        var digits = new List<int>();
        for (var i = 0; i < source.Length; i++)
        {
            if (char.IsAsciiDigit((char)source[i]) && (i == 0 || !char.IsAsciiDigit((char)source[i - 1])))
            {
                digits.Add(i);
            }
        }

        if (digits.Count == 0)
        {
            return FlipBits(rng, source);
        }

        var result = new List<byte>(source.Length + 24);
        var count = 1 + rng.Next(4);
        var chosen = Enumerable.Range(0, count).Select(_ => digits[rng.Next(digits.Count)]).ToHashSet();
        for (var i = 0; i < source.Length; i++)
        {
            if (chosen.Contains(i))
            {
                result.AddRange(Encoding.ASCII.GetBytes(extremes[rng.Next(extremes.Length)]));
                while (i + 1 < source.Length && char.IsAsciiDigit((char)source[i + 1]))
                {
                    i++;
                }

                continue;
            }

            result.Add(source[i]);
        }

        return [.. result];
    }
}
