using Parquet;
using Parquet.Schema;

namespace Disclosure.Cli.Sinks;

/// <summary>One column of a <see cref="ParquetTable"/>: its schema field and the values of the current row group.</summary>
internal abstract class ParquetColumn
{
    /// <summary>The field in the file's schema.</summary>
    public abstract Field Field { get; }

    /// <summary>The leaf the values are written to (the list's element for a list column).</summary>
    public abstract DataField DataField { get; }

    /// <summary>Whether to dictionary-encode the column: for text that repeats from row to row.</summary>
    public bool Dictionary { get; init; }

    /// <summary>Writes the first <paramref name="rows"/> buffered rows as this column's chunk of the row group.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter group, int rows);

    /// <summary>Forgets the rows written, so the buffers hold no references between row groups.</summary>
    public abstract void Clear(int rows);
}

/// <summary>A column of a value type, null where there is no value.</summary>
internal sealed class NullableColumn<T>(DataField leaf, int capacity) : ParquetColumn
    where T : struct
{
    /// <summary>The values of the current row group, by row.</summary>
    public T?[] Values { get; } = new T?[capacity];

    public override Field Field => leaf;

    public override DataField DataField => leaf;

    public override Task WriteAsync(ParquetRowGroupWriter group, int rows) =>
        group.WriteAsync<T>(leaf, new ReadOnlyMemory<T?>(Values, 0, rows));

    public override void Clear(int rows) => Array.Clear(Values, 0, rows);
}

/// <summary>A column of a value type that every row has.</summary>
internal sealed class RequiredColumn<T>(DataField leaf, int capacity) : ParquetColumn
    where T : struct
{
    /// <summary>The values of the current row group, by row.</summary>
    public T[] Values { get; } = new T[capacity];

    public override Field Field => leaf;

    public override DataField DataField => leaf;

    public override Task WriteAsync(ParquetRowGroupWriter group, int rows) =>
        group.WriteAsync<T>(leaf, new ReadOnlyMemory<T>(Values, 0, rows));

    public override void Clear(int rows) => Array.Clear(Values, 0, rows);
}

/// <summary>A UTF-8 text column, null where there is no text (unless the field is required).</summary>
internal sealed class StringColumn(DataField leaf, int capacity) : ParquetColumn
{
    /// <summary>The values of the current row group, by row.</summary>
    public string?[] Values { get; } = new string?[capacity];

    public override Field Field => leaf;

    public override DataField DataField => leaf;

    public override Task WriteAsync(ParquetRowGroupWriter group, int rows) =>
        group.WriteAsync(leaf, new ArraySegment<string?>(Values, 0, rows));

    public override void Clear(int rows) => Array.Clear(Values, 0, rows);
}

/// <summary>
/// A list of texts per row (Parquet's LIST of required UTF-8 strings): never null, possibly empty. Rows must be added
/// in order.
/// </summary>
internal sealed class StringListColumn : ParquetColumn
{
    // Dremel levels of a nullable list of required items: 0 = no list (never written), 1 = an empty list,
    // 2 = an item; repetition 0 starts a row's list, 1 continues it.
    private const int EmptyList = 1;
    private const int Item = 2;

    private readonly ListField _field;
    private readonly DataField _item;
    private readonly List<ReadOnlyMemory<char>> _values = [];
    private readonly List<int> _definition = [];
    private readonly List<int> _repetition = [];

    public StringListColumn(string name)
    {
        _item = new DataField<string>(ListField.ElementName, nullable: false);
        _field = new ListField(name, _item);
    }

    public override Field Field => _field;

    public override DataField DataField => _item;

    /// <summary>Sets the next row's list.</summary>
    public void Add(IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            _definition.Add(EmptyList);
            _repetition.Add(0);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            _values.Add(items[i].AsMemory());
            _definition.Add(Item);
            _repetition.Add(i == 0 ? 0 : 1);
        }
    }

    public override Task WriteAsync(ParquetRowGroupWriter group, int rows)
    {
        // The levels above are the library's reading of this schema; check them rather than write a list wrongly.
        if (_item.MaxDefinitionLevel != Item || _item.MaxRepetitionLevel != 1)
        {
            throw new InvalidOperationException($"unexpected Dremel levels for list '{_field.Name}'");
        }

        return group.WriteAllPartsAsync<ReadOnlyMemory<char>>(_item,
            _values.ToArray(), _definition.ToArray(), _repetition.ToArray(), CancellationToken.None);
    }

    public override void Clear(int rows)
    {
        _values.Clear();
        _definition.Clear();
        _repetition.Clear();
    }
}

/// <summary>How the contract's numbers map to Parquet's types.</summary>
internal static class ParquetNumbers
{
    /// <summary>Digits of an amount or a finding's expected and actual value: DECIMAL(18, 6), stored as INT64.</summary>
    public const int Precision = 18;

    /// <summary>Decimal places: a millionth of a 万元 is a hundredth of a 元, the smallest amount printed.</summary>
    public const int Scale = 6;

    private const decimal DecimalLimit = 1_000_000_000_000m; // 10^(Precision - Scale)

    /// <summary>
    /// An integer column's value: null where there is none and where the number printed is no integer (a count with a
    /// fractional part, which CELL003 reports) or is out of range, rather than a number that was not printed.
    /// </summary>
    public static long? Integer(decimal? value) =>
        value is { } v && decimal.Truncate(v) == v && v >= long.MinValue && v <= long.MaxValue ? (long)v : null;

    /// <summary>A DECIMAL(18, 6) column's value: null where there is none and where it cannot be held exactly.</summary>
    public static decimal? Decimal(decimal? value) =>
        value is { } v && decimal.Round(v, Scale) == v && Math.Abs(v) < DecimalLimit ? v : null;

    /// <summary>A DECIMAL(18, 6) field.</summary>
    public static DecimalDataField DecimalField(string name) => new(name, Precision, Scale, isNullable: true);
}
