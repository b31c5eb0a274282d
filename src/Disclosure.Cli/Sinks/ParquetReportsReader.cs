using System.Globalization;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules.CrossYear;
using Parquet;
using Parquet.Schema;

namespace Disclosure.Cli.Sinks;

/// <summary>
/// Reads a reports table written by <see cref="ParquetReportsSink"/> back into a cross-year pass: file, agency, year and
/// only the cell columns the pass keeps, a row group at a time.
/// </summary>
internal static class ParquetReportsReader
{
    /// <exception cref="InvalidDataException">Not a reports table of this tool (no file, agency or year column).</exception>
    public static void ReadInto(string path, CrossYearPass pass)
    {
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            Read(reader, pass);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void Read(ParquetReader reader, CrossYearPass pass)
    {
        var fields = reader.Schema.GetDataFields().ToDictionary(static f => f.Name, StringComparer.Ordinal);
        if (!fields.TryGetValue("file", out var fileField) || !fields.TryGetValue("agency", out var agencyField) || !fields.TryGetValue("year", out var yearField))
        {
            throw new InvalidDataException("not a reports table of 'disclosure audit --format parquet' (no file, agency and year columns)");
        }

        var keys = (pass.CellsKept ?? CellCatalog.All.Select(static c => c.Key).ToList()).Where(fields.ContainsKey).ToList();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            var files = Strings(group, fileField, rows);
            var agencies = Strings(group, agencyField, rows);
            var years = new int?[rows];
            group.ReadAsync(yearField, years.AsMemory()).GetAwaiter().GetResult();
            var values = keys.Select(k => Numbers(group, fields[k], rows)).ToList();
            for (var r = 0; r < rows; r++)
            {
                var cells = new List<ReportCell>();
                for (var k = 0; k < keys.Count; k++)
                {
                    if (values[k][r] is { } v)
                    {
                        cells.Add(new ReportCell(keys[k], v, v.ToString(CultureInfo.InvariantCulture), string.Empty));
                    }
                }

                pass.Add(files[r] ?? string.Empty, agencies[r], years[r], cells);
            }
        }
    }

    private static string?[] Strings(ParquetRowGroupReader group, DataField field, int rows)
    {
        var values = new string?[rows];
        group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
        return values;
    }

    // Counts are INT64 and amounts DECIMAL in the table; the pass compares them as decimals.
    private static decimal?[] Numbers(ParquetRowGroupReader group, DataField field, int rows)
    {
        if (field.ClrType == typeof(decimal))
        {
            var amounts = new decimal?[rows];
            group.ReadAsync(field, amounts.AsMemory()).GetAwaiter().GetResult();
            return amounts;
        }

        var counts = new long?[rows];
        group.ReadAsync(field, counts.AsMemory()).GetAwaiter().GetResult();
        return [.. counts.Select(static c => (decimal?)c)];
    }
}
