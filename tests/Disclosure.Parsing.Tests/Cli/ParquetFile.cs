using Parquet;
using Parquet.Schema;

namespace Disclosure.Parsing.Tests.Cli;

/// <summary>A Parquet file read back whole with Parquet.Net, column by column, for asserting what a sink wrote.</summary>
internal sealed class ParquetFile
{
    private ParquetFile(IReadOnlyList<DataField> fields, IReadOnlyList<Field> topLevel, IReadOnlyList<long> rowGroups,
        Dictionary<string, List<object?>> columns)
    {
        Fields = fields;
        TopLevel = topLevel;
        RowGroups = rowGroups;
        Columns = columns;
    }

    /// <summary>The leaf fields, in schema order.</summary>
    public IReadOnlyList<DataField> Fields { get; }

    /// <summary>The top-level fields (a list is one), in schema order.</summary>
    public IReadOnlyList<Field> TopLevel { get; }

    /// <summary>The row count of each row group.</summary>
    public IReadOnlyList<long> RowGroups { get; }

    /// <summary>The columns read, by top-level name: string, int, long, decimal, or a string list; null where null.</summary>
    public Dictionary<string, List<object?>> Columns { get; }

    public long RowCount => RowGroups.Sum();

    public List<object?> this[string column] => Columns[column];

    /// <summary>Reads the file; only the <paramref name="columns"/> named, when given (row counts are always read).</summary>
    public static async Task<ParquetFile> ReadAsync(string path, params string[] columns)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        var read = reader.Schema.Fields.Where(f => columns.Length == 0 || columns.Contains(f.Name)).ToList();
        var values = read.ToDictionary(static f => f.Name, static _ => new List<object?>(), StringComparer.Ordinal);
        var groups = new List<long>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            groups.Add(group.RowCount);
            foreach (var top in read)
            {
                values[top.Name].AddRange(top is ListField list
                    ? await ReadListAsync(group, (DataField)list.Item)
                    : await ReadAsync(group, (DataField)top, checked((int)group.RowCount)));
            }
        }

        return new ParquetFile(fields, reader.Schema.Fields.ToList(), groups, values);
    }

    private static async Task<IEnumerable<object?>> ReadAsync(ParquetRowGroupReader group, DataField field, int rows)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[rows];
            await group.ReadAsync(field, values.AsMemory());
            return values;
        }

        if (field.ClrType == typeof(int))
        {
            return await ReadValuesAsync<int>(group, field, rows);
        }

        if (field.ClrType == typeof(long))
        {
            return await ReadValuesAsync<long>(group, field, rows);
        }

        if (field.ClrType == typeof(decimal))
        {
            return await ReadValuesAsync<decimal>(group, field, rows);
        }

        throw new NotSupportedException($"column {field.Name}: {field.ClrType}");
    }

    private static async Task<IEnumerable<object?>> ReadValuesAsync<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[rows];
            await group.ReadAsync(field, nullable.AsMemory());
            return nullable.Select(static v => (object?)v);
        }

        var values = new T[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values.Select(static v => (object?)v);
    }

    // Rebuilds each row's list from the Dremel levels: repetition 0 starts a row; definition below the item's is an
    // empty list (or, one lower still, a null list).
    private static async Task<IEnumerable<object?>> ReadListAsync(ParquetRowGroupReader group, DataField item)
    {
        var count = checked((int)group.GetMetadata(item)!.MetaData!.NumValues);
        var values = new ReadOnlyMemory<char>[count];
        var definition = new int[count];
        var repetition = new int[count];
        await group.ReadRawAsync(item, values.AsMemory(), definition.AsMemory(), repetition.AsMemory());
        var rows = new List<object?>();
        var next = 0;
        for (var i = 0; i < count; i++)
        {
            if (repetition[i] == 0)
            {
                rows.Add(definition[i] == 0 ? null : new List<string>());
            }

            if (definition[i] == item.MaxDefinitionLevel)
            {
                ((List<string>)rows[^1]!).Add(values[next++].ToString());
            }
        }

        return rows;
    }
}
