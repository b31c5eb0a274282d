using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;
using PdfPigFlate = UglyToad.PdfPig.Filters.FlateFilter;

namespace Disclosure.Parsing.Reading.Pdf;

/// <summary>
/// PdfPig's filters, with its FlateDecode replaced where a stream is compressed by FlateDecode alone and without
/// parameters: font programs and content streams, most of what a report's PDF decompresses.
/// </summary>
/// <remarks>
/// A stream with a chain of filters keeps PdfPig's own FlateDecode: PdfPig sizes its guard against decompression bombs
/// between the filters of a chain by the filter's type.
/// </remarks>
internal sealed class PdfFilters : IFilterProvider
{
    public static PdfFilters Instance { get; } = new();

    private static readonly IFilterProvider Default = DefaultFilterProvider.Instance;

    private PdfFilters()
    {
    }

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Swap(Default.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Swap(Default.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Default.GetAllFilters();

    private static IReadOnlyList<IFilter> Swap(IReadOnlyList<IFilter> filters) =>
        filters is [PdfPigFlate] ? [FlateDecode.Instance] : filters;
}

/// <summary>
/// FlateDecode giving the same bytes as PdfPig's, and the same input back when the data does not inflate, but sized
/// to fit. PdfPig inflates into a MemoryStream of one and a half times the compressed size that doubles as it fills:
/// a font program copied two or three times through ever larger arrays, each on the large object heap, whose budget
/// then forces full collections. Here it inflates into a pooled buffer and is copied once into an array of its size.
/// </summary>
internal sealed class FlateDecode : IFilter
{
    public static FlateDecode Instance { get; } = new();

    private static readonly PdfPigFlate PdfPigs = new();

    private FlateDecode()
    {
    }

    public bool IsSupported => true;

    public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
    {
        // Parameters (a predictor, mostly) are PdfPig's to apply, and so are its answers to malformed ones.
        if (DecodeParameterResolver.GetFilterParameters(streamDictionary, filterIndex).Data.Count > 0)
        {
            return PdfPigs.Decode(input, streamDictionary, filterProvider, filterIndex);
        }

        byte[]? buffer = null;
        try
        {
            // The two bytes of the zlib header are skipped, as PdfPig does: DeflateStream reads raw deflate data, and
            // the checksum at the end is never looked at.
            var skip = Math.Min(2, input.Length);
            using var compressed = MemoryMarshal.TryGetArray<byte>(input, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset + skip, segment.Count - skip, writable: false)
                : new MemoryStream(input[skip..].ToArray(), writable: false);
            using var inflate = new DeflateStream(compressed, CompressionMode.Decompress);
            buffer = ArrayPool<byte>.Shared.Rent(Math.Max(64 * 1024, (int)Math.Min(Array.MaxLength / 2, input.Length * 4L)));
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length == Array.MaxLength)
                    {
                        // PdfPig's MemoryStream gives up here too, and its filter hands the input back.
                        return input;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, buffer.Length * 2L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = inflate.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return buffer.AsSpan(0, length).ToArray();
        }
#pragma warning disable CA1031 // PdfPig's filter swallows every failure and returns the input; so must its replacement.
        catch (Exception)
#pragma warning restore CA1031
        {
            return input;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
