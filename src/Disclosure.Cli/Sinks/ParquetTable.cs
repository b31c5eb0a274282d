using Parquet;
using Parquet.Schema;

namespace Disclosure.Cli.Sinks;

/// <summary>
/// One Parquet file written row group by row group: the sinks fill the current row of their columns, and every
/// <see cref="RowGroupSize"/> rows the group is written out, so memory holds one group whatever the batch's size.
/// </summary>
/// <remarks>
/// Parquet.Net rather than ParquetSharp: it is managed code only, so it compiles into the native (AOT) tool of each
/// platform as one binary, where ParquetSharp wraps the Arrow C++ library, a native library per platform to ship
/// beside it. Parquet.Net's class serializer compiles expressions at run time (not AOT-safe), so the sinks use its
/// column API with value types named here, which native code is generated for.
/// That API is asynchronous only; a sink is called synchronously, from a command without a synchronisation context.
/// </remarks>
internal sealed class ParquetTable : IDisposable
{
    private readonly string _path;
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly IReadOnlyList<ParquetColumn> _columns;
    private bool _completed;
    private bool _disposed;

    /// <summary>Creates (or replaces) the file at <paramref name="path"/> for a table of <paramref name="columns"/>.</summary>
    public ParquetTable(string path, IReadOnlyList<ParquetColumn> columns, int rowGroupSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        _path = path;
        _columns = columns;
        RowGroupSize = rowGroupSize;
        var options = new ParquetOptions
        {
            // The library pools its page buffers and by default keeps up to 16 + 64 MB of them free for reuse; a row
            // group's pages are a few MB, so a few MB kept is enough and the batch's memory stays small.
            MaximumSmallPoolFreeBytes = 4 * 1024 * 1024,
            MaximumLargePoolFreeBytes = 16 * 1024 * 1024,
        };
        foreach (var column in columns.Where(static c => c.Dictionary))
        {
            // Few distinct values per group (the same file, agency, rule on many rows): stored once each.
            options.ColumnEncodingHints[column.DataField.Path.ToString()] = EncodingHint.Dictionary;
        }

        // Parquet writes its footer last and needs to know where each column chunk starts: a file, not a pipe.
        _stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        try
        {
            _writer = ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(static c => c.Field)), _stream, options)
                .GetAwaiter().GetResult();
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    /// <summary>How many rows a row group holds at most.</summary>
    public int RowGroupSize { get; }

    /// <summary>The index, within the current row group, of the row being filled.</summary>
    public int Row { get; private set; }

    /// <summary>Ends the row being filled; writes the row group when it is full.</summary>
    public void EndRow()
    {
        ObjectDisposedException.ThrowIf(_completed || _disposed, this);
        Row++;
        if (Row == RowGroupSize)
        {
            Flush();
        }
    }

    /// <summary>Writes the last row group and the footer, and closes the file.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_completed || _disposed, this);
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
        _completed = true;
    }

    /// <summary>
    /// Closes the file; when <see cref="Complete"/> was not called (the batch failed or was cancelled) the file is
    /// deleted rather than left with the rows so far under a footer that would make it look whole.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_completed)
        {
            _stream.Dispose();
            File.Delete(_path);
        }
    }

    private void Flush()
    {
        if (Row == 0)
        {
            return;
        }

        using (var group = _writer.CreateRowGroup())
        {
            foreach (var column in _columns)
            {
                column.WriteAsync(group, Row).GetAwaiter().GetResult();
            }

            group.CompleteValidate();
        }

        foreach (var column in _columns)
        {
            column.Clear(Row);
        }

        Row = 0;
    }
}
