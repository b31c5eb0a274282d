using Disclosure.Cli.Formatting;
using Disclosure.Cli.Sinks;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules.CrossYear;
using Disclosure.Parsing.Output;
using Disclosure.Parsing.Tests.Rules;
using Parquet.Schema;
using PhysicalType = Parquet.Meta.Type;

namespace Disclosure.Parsing.Tests.Cli;

[TestFixture]
public sealed class ParquetSinkTests
{
    private static readonly string[] ReportColumns =
        ["file", "format", "agency", "year", "template", "error", "error_kind", "errors", "warnings", "notes"];

    private static readonly string[] FindingColumns =
        ["file", "agency", "year", "rule", "severity", "section", "cells", "expected", "actual", "message", "location"];

    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "disclosure-parquet-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    // Every HTML fixture audited for real, and a file that does not exist.
    private static List<AuditResult> SampleResults() =>
    [
        .. Directory.GetFiles(Path.Combine(TestPaths.TestData, "html"), "*.html").Order(StringComparer.Ordinal)
            .Select(static f => DisclosurePipeline.Default.Audit(f)),
        DisclosurePipeline.Default.Audit(Path.Combine(TestPaths.TestData, "html", "no_such_report.html")),
    ];

    private static void Write(IResultSink sink, IEnumerable<AuditResult> results, IEnumerable<CrossYearResult>? crossYear = null)
    {
        using (sink)
        {
            foreach (var result in results)
            {
                sink.Add(result);
            }

            foreach (var supplement in crossYear ?? [])
            {
                sink.AddCrossYear(supplement);
            }

            sink.Complete();
        }
    }

    private string ReportsPath => Path.Combine(_dir, "reports.parquet");

    private string FindingsPath => Path.Combine(_dir, "findings.parquet");

    [Test]
    public async Task ReportsTableHasAColumnPerCellKeyInTheContractsOrderTypedByItsKind()
    {
        Write(new ParquetReportsSink(ReportsPath), SampleResults());

        var file = await ParquetFile.ReadAsync(ReportsPath);

        file.Fields.Select(static f => f.Name).Should().Equal(ReportColumns.Concat(CellCatalog.All.Select(static c => c.Key)));
        var byName = file.Fields.ToDictionary(static f => f.Name);
        byName["file"].IsNullable.Should().BeFalse();
        byName["year"].SchemaElement!.Type.Should().Be(PhysicalType.INT32);
        byName["errors"].IsNullable.Should().BeFalse();
        byName["error_kind"].SchemaElement!.LogicalType!.STRING.Should().NotBeNull();
        foreach (var cell in CellCatalog.All)
        {
            var element = byName[cell.Key].SchemaElement!;
            byName[cell.Key].IsNullable.Should().BeTrue();
            if (cell.Kind == CellKind.Amount)
            {
                element.LogicalType!.DECIMAL.Should().NotBeNull(cell.Key);
                (element.Precision, element.Scale).Should().Be((18, 6), cell.Key);
            }
            else
            {
                element.Type.Should().Be(PhysicalType.INT64, cell.Key);
                element.LogicalType?.DECIMAL.Should().BeNull(cell.Key);
            }
        }

        CellCatalog.All.Should().Contain(static c => c.Kind == CellKind.Amount).And.Contain(static c => c.Kind == CellKind.Signed);
    }

    [Test]
    public async Task ReportsTableHasOneRowPerFileWithItsValuesAndNullsWhereNoNumber()
    {
        var results = SampleResults();
        Write(new ParquetReportsSink(ReportsPath), results);

        var file = await ParquetFile.ReadAsync(ReportsPath);

        file.RowCount.Should().Be(results.Count);
        file["file"].Should().Equal(results.Select(static r => r.File));
        file["format"].Should().Equal(results.Select(static r => r.Format));
        file["agency"].Should().Equal(results.Select(static r => r.Report?.Agency));
        file["year"].Should().Equal(results.Select(static r => (object?)r.Report?.Year));
        file["template"].Should().Equal(results.Select(static r => r.Report?.Template));
        file["error"].Should().Equal(results.Select(static r => r.Error));
        file["errors"].Should().Equal(results.Select(static r => (object)r.Findings.Count(static f => f.Severity == Severity.Error)));
        file["warnings"].Should().Equal(results.Select(static r => (object)r.Findings.Count(static f => f.Severity == Severity.Warning)));
        file["notes"].Should().Equal(results.Select(static r => (object)r.Findings.Count(static f => f.Severity == Severity.Note)));
        foreach (var cell in CellCatalog.All)
        {
            // Integers where the report printed an integer, amounts as printed, null for all else.
            file[cell.Key].Should().Equal(results.Select(r => r.Report?.Value(cell.Key) switch
            {
                null => null,
                { } v when cell.Kind == CellKind.Amount => v,
                { } v => v == decimal.Truncate(v) ? (object?)(long)v : null,
            }), cell.Key);
        }

        var row = results.ToDictionary(static r => Path.GetFileName(r.File), results.IndexOf);
        file["requests.new.total"][row["plain.html"]].Should().BeOfType<long>().Which.Should().BePositive();
        file["active.fees.amount"][row["plain.html"]].Should().BeOfType<decimal>();
        file["requests.new.commercial"][row["blank_and_null_cells.html"]].Should().BeNull("the cell is printed blank");
        results[row["broken_totals.html"]].Report!.Value("active.punishment.decisions").Should().NotBe(decimal.Truncate(
            results[row["broken_totals.html"]].Report!.Value("active.punishment.decisions")!.Value), "the fixture prints a fractional count");
        file["active.punishment.decisions"][row["broken_totals.html"]].Should().BeNull("a count with a fractional part is no integer");
        file["active2019.licensing.change"][row["plain.html"]].Should().BeNull("a 2021 section 二 has no 2019 cells");
        file["active2019.licensing.change"][row["mixed_templates.html"]].Should().BeOfType<long>("that fixture prints the 2019 section 二");

        var missing = row["no_such_report.html"];
        file["error_kind"][missing].Should().Be("not-found");
        file["error"][missing].Should().NotBeNull();
        file["format"][missing].Should().Be(results[missing].Format);
        CellCatalog.All.Select(c => file[c.Key][missing]).Should().AllSatisfy(static v => v.Should().BeNull());
        file["error_kind"].Count(static v => v is not null).Should().Be(1);
    }

    [Test]
    public async Task FindingsTableHasOneRowPerFindingAndNoneForAnUnreadableFile()
    {
        var results = SampleResults();
        Write(new ParquetFindingsSink(FindingsPath), results);

        var file = await ParquetFile.ReadAsync(FindingsPath);

        file.Fields.Select(static f => f.Name).Should().Equal(FindingColumns.Select(static c => c == "cells" ? "element" : c));
        file.TopLevel.Select(static f => f.Name).Should().Equal(FindingColumns);
        file.TopLevel.Single(static f => f.Name == "cells").Should().BeOfType<ListField>();
        var rows = results.SelectMany(static r => r.Findings.Select(f => (Result: r, Finding: f))).ToList();
        rows.Should().HaveCountGreaterThan(10);
        rows.Should().Contain(static r => r.Finding.Cells.Count == 0, "a finding that names no cell is written as an empty list");
        rows.Should().Contain(static r => r.Finding.Expected != null);
        file.RowCount.Should().Be(rows.Count);
        file["file"].Should().Equal(rows.Select(static r => r.Result.File));
        file["file"].Should().NotContain(Path.Combine(TestPaths.TestData, "html", "no_such_report.html"));
        file["agency"].Should().Equal(rows.Select(static r => r.Result.Report?.Agency));
        file["year"].Should().Equal(rows.Select(static r => (object?)r.Result.Report?.Year));
        file["rule"].Should().Equal(rows.Select(static r => r.Finding.RuleId));
        file["severity"].Should().Equal(rows.Select(static r => ReportJson.SeverityName(r.Finding.Severity)));
        file["section"].Should().Equal(rows.Select(static r => r.Finding.Section));
        file["expected"].Should().Equal(rows.Select(static r => (object?)r.Finding.Expected));
        file["actual"].Should().Equal(rows.Select(static r => (object?)r.Finding.Actual));
        file["message"].Should().Equal(rows.Select(static r => r.Finding.Message));
        file["location"].Should().Equal(rows.Select(static r => FindingPlace.Describe(r.Finding, r.Result.Report)), "where the findings CSV says it is");
        file["location"].Should().Contain(static l => l != null).And.Contain(static l => l == null, "a finding naming no located cell has no place");
        for (var i = 0; i < rows.Count; i++)
        {
            file["cells"][i].Should().BeEquivalentTo(rows[i].Finding.Cells, o => o.WithStrictOrdering(), $"row {i}");
        }
    }

    [Test]
    public async Task CrossYearFindingsAreRowsOfTheFindingsTableOnly()
    {
        var previous = TestReports.Consistent(1) with { Year = 2023 };
        var current = (TestReports.Consistent(2) with { Year = 2024 }).With("active.regulations.in_force", "999");
        // Located as read cells are, so that a cross-year row without a place is the sink's choice, not the fixture's.
        current = current with { Cells = current.Cells.ToDictionary(static kv => kv.Key, static kv => kv.Value with { Location = "table 1, row 2, col 4" }) };
        var pair = DisclosurePipeline.Default.CheckPair(current, previous);
        pair.Should().Contain(static f => f.RuleId.StartsWith("XYR", StringComparison.Ordinal));
        AuditResult[] results =
        [
            new("a/2023.html", "html", previous, DisclosurePipeline.Default.Check(previous), null),
            new("a/2024.html", "html", current, DisclosurePipeline.Default.Check(current), null),
        ];
        CrossYearResult[] supplements = [new("a/2024.html", "a/2023.html", current, 2023, pair)];

        Write(new ParquetFindingsSink(FindingsPath), results, supplements);
        Write(new ParquetReportsSink(ReportsPath), results, supplements);

        var findings = await ParquetFile.ReadAsync(FindingsPath);
        var expected = results.SelectMany(static r => r.Findings).Concat(pair).ToList();
        findings["rule"].Should().Equal(expected.Select(static f => f.RuleId));
        findings["rule"].TakeLast(pair.Count).Should().Equal(pair.Select(static f => f.RuleId));
        findings["file"].TakeLast(pair.Count).Should().AllBeEquivalentTo("a/2024.html");
        findings["year"].TakeLast(pair.Count).Should().AllBeEquivalentTo(2024);
        findings["agency"].TakeLast(pair.Count).Should().AllBeEquivalentTo(current.Agency);
        findings["location"].TakeLast(pair.Count).Should().OnlyContain(static l => l == null, "a comparison of two files has no one place");

        var reports = await ParquetFile.ReadAsync(ReportsPath);
        reports.RowCount.Should().Be(2);
        reports["warnings"].Should().Equal(results.Select(static r => (object)r.Findings.Count(static f => f.Severity == Severity.Warning)),
            "one row per report: cross-year findings are counted in the findings table");
    }

    [Test]
    public async Task RowGroupsAreWrittenAsTheyFillAndReadBackInOrder()
    {
        var results = Enumerable.Range(0, 10).Select(Synthetic).ToList();

        Write(new ParquetReportsSink(ReportsPath, rowGroupSize: 3), results);
        Write(new ParquetFindingsSink(FindingsPath, rowGroupSize: 4), results);

        var reports = await ParquetFile.ReadAsync(ReportsPath);
        reports.RowGroups.Should().Equal(3, 3, 3, 1);
        reports["file"].Should().Equal(results.Select(static r => r.File));
        reports["agency"].Should().Equal(results.Select(static r => r.Report!.Agency));
        reports["requests.new.total"].Should().Equal(results.Select(static r => (object?)(long)r.Report!.Value("requests.new.total")!.Value));
        var findings = await ParquetFile.ReadAsync(FindingsPath);
        findings.RowGroups.Should().Equal(4, 4, 4, 4, 4);
        findings["message"].Should().Equal(results.SelectMany(static r => r.Findings).Select(static f => f.Message));
        findings["cells"].Should().BeEquivalentTo(results.SelectMany(static r => r.Findings).Select(static f => f.Cells),
            static o => o.WithStrictOrdering());
    }

    [Test]
    public async Task ManyResultsAreReadBackWholeWhileMemoryStaysFlat()
    {
        const int count = 25_000;
        const int early = 2_500;

        // The library pools its buffers process-wide (some 15 MB more after a first batch, then no more): a first batch
        // fills most of the pools, so that the second one measures what the sinks themselves hold.
        WriteMany(10_000, early);
        var (atEarly, atEnd) = WriteMany(count, early);

        // Holding the 22,500 results between the two samples (each with its 4 KB of prose) would add some 100 MB,
        // holding their rows (some 240 values each) some 90 MB; one row group of each table is bounded.
        (atEnd - atEarly).Should().BeLessThan(24L * 1024 * 1024, $"{atEarly:N0} bytes after {early:N0} results, {atEnd:N0} after {count:N0}");

        var reports = await ParquetFile.ReadAsync(ReportsPath, "file", "year", "requests.new.total");
        reports.RowCount.Should().Be(count);
        reports.RowGroups.Should().AllSatisfy(static n => n.Should().BeLessThanOrEqualTo(ParquetReportsSink.DefaultRowGroupSize));
        reports.RowGroups.Should().HaveCount((count + ParquetReportsSink.DefaultRowGroupSize - 1) / ParquetReportsSink.DefaultRowGroupSize);
        reports["file"].Should().Equal(Enumerable.Range(0, count).Select(static i => (object?)$"batch/{i:D6}.html"));
        reports["year"].Should().Equal(Enumerable.Range(0, count).Select(static i => (object?)(2000 + (i % 25))));
        reports["requests.new.total"].Should().AllBeEquivalentTo((long)Consistent.Value.Value("requests.new.total")!.Value);
        var findings = await ParquetFile.ReadAsync(FindingsPath, "message");
        findings.RowCount.Should().Be(2L * count);
        findings.RowGroups.Should().AllSatisfy(static n => n.Should().BeLessThanOrEqualTo(ParquetFindingsSink.DefaultRowGroupSize));
        findings["message"].Should().Equal(Enumerable.Range(0, count).SelectMany(static i => Synthetic(i).Findings.Select(static f => (object?)f.Message)));
    }

    // Writes both tables of `count` synthetic results; the memory held after `early` results and after the last.
    private (long AtEarly, long AtEnd) WriteMany(int count, int early)
    {
        long atEarly = 0;
        using var reports = new ParquetReportsSink(ReportsPath);
        using var findings = new ParquetFindingsSink(FindingsPath);
        for (var i = 0; i < count; i++)
        {
            var result = Synthetic(i);
            reports.Add(result);
            findings.Add(result);
            if (i + 1 == early)
            {
                atEarly = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        var atEnd = GC.GetTotalMemory(forceFullCollection: true);
        reports.Complete();
        findings.Complete();
        return (atEarly, atEnd);
    }

    [Test]
    public async Task AnEmptyBatchWritesATableWithItsColumnsAndNoRows()
    {
        Write(new ParquetReportsSink(ReportsPath), []);
        Write(new ParquetFindingsSink(FindingsPath), []);

        var reports = await ParquetFile.ReadAsync(ReportsPath);
        reports.RowCount.Should().Be(0);
        reports.Fields.Should().HaveCount(ReportColumns.Length + CellCatalog.All.Count);
        var findings = await ParquetFile.ReadAsync(FindingsPath);
        findings.RowCount.Should().Be(0);
        findings.TopLevel.Select(static f => f.Name).Should().Equal(FindingColumns);
    }

    [Test]
    public void AFileTheBatchDidNotCompleteIsDeletedRatherThanLeftLookingWhole()
    {
        using (var sink = new ParquetReportsSink(ReportsPath))
        {
            sink.Add(Synthetic(0));
            File.Exists(ReportsPath).Should().BeTrue();
        }

        File.Exists(ReportsPath).Should().BeFalse();
    }

    [Test]
    public async Task ANumberTheColumnCannotHoldExactlyIsNullNotRounded()
    {
        var report = TestReports.Consistent()
            .With("requests.new.total", "3.5")
            .With("requests.new.natural_person", "-2")
            .With("active.fees.amount", "0.125")
            .With("requests.granted.total", "12345678901234567890123");
        Write(new ParquetReportsSink(ReportsPath), [new AuditResult("x.html", "html", report, [], null)]);

        var file = await ParquetFile.ReadAsync(ReportsPath);

        file["requests.new.total"].Should().Equal([null]);
        file["requests.new.natural_person"].Should().Equal(-2L);
        file["active.fees.amount"].Should().Equal(0.125m);
        file["requests.granted.total"].Should().Equal([null]);
        ParquetNumbers.Decimal(0.1234567m).Should().BeNull("DECIMAL(18, 6) holds six places");
        ParquetNumbers.Decimal(1_000_000_000_000m).Should().BeNull("DECIMAL(18, 6) holds twelve integer digits");
        ParquetNumbers.Decimal(999_999_999_999.999999m).Should().Be(999_999_999_999.999999m);
    }

    private static readonly Lazy<Report> Consistent = new(static () => TestReports.Consistent());

    // A read report with its own agency, year, prose and messages: what a batch of many files gives the sinks.
    private static AuditResult Synthetic(int i)
    {
        var report = Consistent.Value with
        {
            Agency = $"示例县{i}人民政府",
            Year = 2000 + (i % 25),
            Prose = [new ReportProse("一", $"{i}年，" + new string('文', 2000), "line 1")],
        };
        Finding[] findings =
        [
            new("SUM001", Severity.Error, "三", ["requests.new.total", "requests.total.total"], 10 + i, 9 + i,
                $"第{i}号：" + new string('差', 150)),
            new("SEC001", Severity.Warning, null, [], null, null, $"缺少第{i}节"),
        ];
        return new AuditResult($"batch/{i:D6}.html", "html", report, findings, null);
    }
}
