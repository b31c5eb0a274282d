using System.Text.Json;

namespace Disclosure.Parsing.Batch;

/// <summary>
/// A JSON Lines result file as a run left it, for resuming: every whole line is a result to trust, a line cut short by
/// a killed run is not, and the cross-year lines at the end of a finished run are recomputed by the next.
/// </summary>
public static class JsonLinesResults
{
    /// <summary>
    /// Prepares <paramref name="path"/> to be appended to: cuts a last line without its line break, and the cross-year
    /// lines a finished run wrote at the end; then returns the files whose result is in it (an empty set when the file
    /// does not exist). <paramref name="eachLine"/>, when given, sees every per-file line kept (to rebuild what a second
    /// pass needs, say).
    /// </summary>
    /// <exception cref="InvalidDataException">A whole line is not a JSON object with a <c>file</c>: not a result file.</exception>
    public static IReadOnlySet<string> PrepareResume(string path, Action<ReadOnlyMemory<byte>>? eachLine = null)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return done;
        }

        long keep = 0;
        ForEachLine(path, (line, start, end) =>
        {
            if (line.Span.Trim((byte)' ').IsEmpty)
            {
                keep = end;
                return true;
            }

            var (file, crossYear) = Identify(line.Span, path, start);
            if (crossYear)
            {
                // Cross-year lines come last, once every file is in: from here on the next run writes anew.
                return false;
            }

            done.Add(file);
            eachLine?.Invoke(line);
            keep = end;
            return true;
        });

        if (new FileInfo(path).Length != keep)
        {
            using var cut = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None);
            cut.SetLength(keep);
        }

        return done;
    }

    /// <summary>
    /// Calls <paramref name="eachLine"/> with every whole line of a JSON Lines file (without its line break), in order;
    /// a last line without a line break (cut by a killed run) is not whole and is passed over.
    /// </summary>
    public static void ReadLines(string path, Action<ReadOnlyMemory<byte>> eachLine) =>
        ForEachLine(path, (line, _, _) =>
        {
            if (!line.Span.Trim((byte)' ').IsEmpty)
            {
                eachLine(line);
            }

            return true;
        });

    /// <summary>Every line ended by '\n', with its start and end offsets, until <paramref name="onLine"/> says stop.</summary>
    private static void ForEachLine(string path, Func<ReadOnlyMemory<byte>, long, long, bool> onLine)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var pending = new MemoryStream();
        var chunk = new byte[1 << 16];
        long offset = 0, lineStart = 0;
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            var span = chunk.AsSpan(0, read);
            while (span.IndexOf((byte)'\n') is var newline and >= 0)
            {
                pending.Write(span[..newline]);
                var end = offset + newline + 1;
                if (!onLine(new ReadOnlyMemory<byte>(pending.GetBuffer(), 0, (int)pending.Length), lineStart, end))
                {
                    return;
                }

                pending.SetLength(0);
                lineStart = end;
                offset = end;
                span = span[(newline + 1)..];
            }

            pending.Write(span);
            offset += span.Length;
        }
    }

    private static (string File, bool CrossYear) Identify(ReadOnlySpan<byte> line, string path, long offset)
    {
        var reader = new Utf8JsonReader(line);
        string? file = null;
        var crossYear = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("not an object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("file"u8))
                {
                    reader.Read();
                    file = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("crossYear"u8))
                {
                    crossYear = true;
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: the line at byte {offset} is not a result ({e.Message}); resume only into a JSON Lines file this command wrote", e);
        }

        return file is null
            ? throw new InvalidDataException($"{path}: the line at byte {offset} has no \"file\"; resume only into a JSON Lines file this command wrote")
            : (file, crossYear);
    }
}
