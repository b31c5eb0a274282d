using Disclosure.Cli.Formatting;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Output;
using Disclosure.Parsing.Rules.CrossYear;
using Parquet.Schema;

namespace Disclosure.Cli.Sinks;

/// <summary>
/// The findings table as a Parquet file: one row per finding, cross-year findings included, with the file, agency
/// and year of the report it is about. A file that could not be read has no findings, so no row: its error is in the
/// reports table. See docs/parquet.md.
/// </summary>
internal sealed class ParquetFindingsSink : IResultSink
{
    /// <summary>Rows per row group: a finding row is a dozen columns, some 1 KB with its message.</summary>
    public const int DefaultRowGroupSize = 10_000;

    private readonly ParquetTable _table;
    private readonly StringColumn _file;
    private readonly StringColumn _agency;
    private readonly NullableColumn<int> _year;
    private readonly StringColumn _rule;
    private readonly StringColumn _severity;
    private readonly StringColumn _section;
    private readonly StringListColumn _cells;
    private readonly NullableColumn<decimal> _expected;
    private readonly NullableColumn<decimal> _actual;
    private readonly StringColumn _message;
    private readonly StringColumn _location;

    public ParquetFindingsSink(string path, int rowGroupSize = DefaultRowGroupSize)
    {
        var n = rowGroupSize;
        _file = new StringColumn(new DataField<string>("file", nullable: false), n) { Dictionary = true };
        _agency = new StringColumn(new DataField<string>("agency", nullable: true), n) { Dictionary = true };
        _year = new NullableColumn<int>(new DataField<int?>("year"), n);
        _rule = new StringColumn(new DataField<string>("rule", nullable: false), n) { Dictionary = true };
        _severity = new StringColumn(new DataField<string>("severity", nullable: false), n) { Dictionary = true };
        _section = new StringColumn(new DataField<string>("section", nullable: true), n) { Dictionary = true };
        _cells = new StringListColumn("cells");
        _expected = new NullableColumn<decimal>(ParquetNumbers.DecimalField("expected"), n);
        _actual = new NullableColumn<decimal>(ParquetNumbers.DecimalField("actual"), n);
        _message = new StringColumn(new DataField<string>("message", nullable: false), n);
        _location = new StringColumn(new DataField<string>("location", nullable: true), n) { Dictionary = true };
        _table = new ParquetTable(path, [_file, _agency, _year, _rule, _severity, _section, _cells, _expected, _actual, _message, _location], rowGroupSize);
    }

    public void Add(AuditResult result) => AddFindings(result, placed: true);

    // A cross-year finding compares two files: where it is in one of them says nothing of the other (as in the CSV).
    public void AddCrossYear(CrossYearResult pair) => AddFindings(pair.AsResult(), placed: false);

    public void Complete() => _table.Complete();

    public void Dispose() => _table.Dispose();

    private void AddFindings(AuditResult result, bool placed)
    {
        foreach (var finding in result.Findings)
        {
            var row = _table.Row;
            _file.Values[row] = result.File;
            _agency.Values[row] = result.Report?.Agency;
            _year.Values[row] = result.Report?.Year;
            _rule.Values[row] = finding.RuleId;
            _severity.Values[row] = ReportJson.SeverityName(finding.Severity);
            _section.Values[row] = finding.Section;
            _cells.Add(finding.Cells);
            _expected.Values[row] = ParquetNumbers.Decimal(finding.Expected);
            _actual.Values[row] = ParquetNumbers.Decimal(finding.Actual);
            _message.Values[row] = finding.Message;
            _location.Values[row] = placed ? FindingPlace.Describe(finding, result.Report) : null;
            _table.EndRow();
        }
    }
}
