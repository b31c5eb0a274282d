using Disclosure.Parsing.Model;
using Parquet.Schema;

namespace Disclosure.Cli.Sinks;

/// <summary>
/// The reports table as a Parquet file: one row per input file (who, what was read, why not, how many findings), then
/// one typed column per cell key of the contract, in its order: INT64 for <c>count</c> and <c>signed</c> cells,
/// DECIMAL(18, 6) for <c>amount</c>, null where the cell is absent, blank or not a number. See docs/parquet.md.
/// </summary>
/// <remarks>Cross-year findings are not counted here (one row per report); the findings table has them.</remarks>
internal sealed class ParquetReportsSink : IResultSink
{
    /// <summary>
    /// Rows per row group: the table is wide (some 240 columns), so a group of 4,096 rows buffers about 15 MB, and
    /// each group is still large enough for query engines to read in whole vectors.
    /// </summary>
    public const int DefaultRowGroupSize = 4096;

    private readonly ParquetTable _table;
    private readonly StringColumn _file;
    private readonly StringColumn _format;
    private readonly StringColumn _agency;
    private readonly NullableColumn<int> _year;
    private readonly StringColumn _template;
    private readonly StringColumn _error;
    private readonly StringColumn _errorKind;
    private readonly RequiredColumn<int> _errors;
    private readonly RequiredColumn<int> _warnings;
    private readonly RequiredColumn<int> _notes;
    private readonly (CellDefinition Cell, NullableColumn<long>? Integer, NullableColumn<decimal>? Decimal)[] _cells;

    public ParquetReportsSink(string path, int rowGroupSize = DefaultRowGroupSize)
    {
        var n = rowGroupSize;
        _file = new StringColumn(new DataField<string>("file", nullable: false), n);
        _format = new StringColumn(new DataField<string>("format", nullable: true), n) { Dictionary = true };
        _agency = new StringColumn(new DataField<string>("agency", nullable: true), n) { Dictionary = true };
        _year = new NullableColumn<int>(new DataField<int?>("year"), n);
        _template = new StringColumn(new DataField<string>("template", nullable: true), n) { Dictionary = true };
        _error = new StringColumn(new DataField<string>("error", nullable: true), n);
        _errorKind = new StringColumn(new DataField<string>("error_kind", nullable: true), n) { Dictionary = true };
        _errors = new RequiredColumn<int>(new DataField<int>("errors"), n);
        _warnings = new RequiredColumn<int>(new DataField<int>("warnings"), n);
        _notes = new RequiredColumn<int>(new DataField<int>("notes"), n);
        _cells = CellCatalog.All.Select(c => c.Kind == CellKind.Amount
                ? (c, null, new NullableColumn<decimal>(ParquetNumbers.DecimalField(c.Key), n))
                : (c, new NullableColumn<long>(new DataField<long?>(c.Key), n), (NullableColumn<decimal>?)null))
            .ToArray();

        List<ParquetColumn> columns = [_file, _format, _agency, _year, _template, _error, _errorKind, _errors, _warnings, _notes];
        columns.AddRange(_cells.Select(static c => (ParquetColumn?)c.Integer ?? c.Decimal!));
        _table = new ParquetTable(path, columns, rowGroupSize);
    }

    public void Add(AuditResult result)
    {
        var row = _table.Row;
        var report = result.Report;
        _file.Values[row] = result.File;
        _format.Values[row] = result.Format;
        _agency.Values[row] = report?.Agency;
        _year.Values[row] = report?.Year;
        _template.Values[row] = report?.Template;
        _error.Values[row] = result.Error;
        _errorKind.Values[row] = result.ErrorKind is { } kind ? FailureKinds.Name(kind) : null;
        _errors.Values[row] = result.Findings.Count(static f => f.Severity == Severity.Error);
        _warnings.Values[row] = result.Findings.Count(static f => f.Severity == Severity.Warning);
        _notes.Values[row] = result.Findings.Count(static f => f.Severity == Severity.Note);
        foreach (var (cell, integer, amount) in _cells)
        {
            var value = report?.Value(cell.Key);
            if (integer is not null)
            {
                integer.Values[row] = ParquetNumbers.Integer(value);
            }
            else
            {
                amount!.Values[row] = ParquetNumbers.Decimal(value);
            }
        }

        _table.EndRow();
    }

    public void Complete() => _table.Complete();

    public void Dispose() => _table.Dispose();
}
