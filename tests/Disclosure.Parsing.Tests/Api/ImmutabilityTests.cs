using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Output;
using Disclosure.Parsing.Reading.Html;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.Totals;

namespace Disclosure.Parsing.Tests.Api;

/// <summary>
/// Issue 13, point 1: a pipeline is immutable and safe to share across threads, whatever the caller does to what it handed
/// in; the model's collections cannot be changed through any public path; records that claim to be values are values.
/// </summary>
[TestFixture]
public sealed class ImmutabilityTests
{
    // Broken totals: findings of several rules, at the severities the options below change.
    private static string File => Path.Combine(TestPaths.TestData, "html", "broken_totals.html");

    [Test]
    public void ASharedPipelineGivesTheSameResultsWhileTheCallerMutatesEverythingItHandedIn()
    {
        var disabled = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "SEC001" };
        var severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase) { ["SUM002"] = Severity.Note };
        var builder = new DisclosurePipelineBuilder { AuditOptions = new AuditOptions { DisabledRules = disabled, SeverityOverrides = severities } }
            .UseDefaultReaders().UseCoreRules();
        var shared = builder.Build();

        // What the pipeline must keep giving: one built alone from the same settings, never touched.
        var expected = new DisclosurePipelineBuilder
        {
            AuditOptions = new AuditOptions
            {
                DisabledRules = new HashSet<string> { "SEC001" },
                SeverityOverrides = new Dictionary<string, Severity> { ["SUM002"] = Severity.Note },
            },
        }.UseDefaultReaders().UseCoreRules().Build().Audit(File);
        expected.Findings.Should().Contain(static f => f.RuleId == "SUM002" && f.Severity == Severity.Note);
        expected.Findings.Select(static f => f.RuleId).Distinct().Should().HaveCountGreaterThan(1);

        void Mutate(int round)
        {
            // Everything handed in, changed in place: the options' sets, the builder's lists, the builder itself.
            disabled.Add("SUM001");
            disabled.Add("SUM002");
            disabled.Remove("SEC001");
            severities["SUM002"] = round % 2 == 0 ? Severity.Error : Severity.Warning;
            severities["SUM001"] = Severity.Note;
            builder.Rules.Reverse();
            builder.Rules.RemoveAt(builder.Rules.Count - 1);
            builder.Rules.Add(new RequestsRowTotalRule());
            builder.Readers.Clear();
            builder.Readers.Add(new HtmlReader(new HtmlReaderOptions()));
            builder.PairRules.Clear();
            builder.AuditOptions = new AuditOptions { DisabledRules = new HashSet<string> { "SUM003" } };
            builder.MaxDocumentBytes = 1;
        }

        Mutate(0);
        ReportJson.ToIndentedJson(shared.Audit(File)).Should().Be(ReportJson.ToIndentedJson(expected), "changes made after Build() reach no pipeline");
        shared.Audit(File).Should().Be(expected);

        var results = new ConcurrentBag<AuditResult>();
        using var stop = new CancellationTokenSource();
        var mutator = Task.Run(() =>
        {
            for (var round = 1; !stop.IsCancellationRequested; round++)
            {
                Mutate(round);
            }
        });
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => results.Add(shared.Audit(File)));
        stop.Cancel();
        mutator.Wait();

        results.Should().HaveCount(16).And.AllSatisfy(r => ReportJson.ToIndentedJson(r).Should().Be(ReportJson.ToIndentedJson(expected)));
        results.Should().AllSatisfy(r => r.Should().Be(expected));
        shared.Rules.Should().HaveCount(RuleCatalog.CoreRules().Count);
        shared.PairRules.Should().HaveCount(RuleCatalog.PairRules().Count);
    }

    [Test]
    public void TwoAuditsOfOneFileAreEqualValues()
    {
        var first = DisclosurePipeline.Default.Audit(File);
        var second = DisclosurePipeline.Default.Audit(File);

        first.Findings.Should().NotBeEmpty();
        first.Report!.Cells.Should().NotBeEmpty();
        ReferenceEquals(first.Report, second.Report).Should().BeFalse();
        first.Should().Be(second);
        first.GetHashCode().Should().Be(second.GetHashCode());
        first.Report.Should().Be(second.Report);
        first.Report.GetHashCode().Should().Be(second.Report!.GetHashCode());

        // And a changed value is a different one.
        var cell = first.Report.Cells.First();
        var changed = first.Report with { Cells = first.Report.Cells.ToDictionary(static kv => kv.Key, static kv => kv.Value) };
        changed.Should().Be(first.Report, "a copy of the same cells is the same report");
        changed = first.Report with
        {
            Cells = first.Report.Cells.ToDictionary(static kv => kv.Key, kv => kv.Key == cell.Key ? kv.Value with { Text = "9" } : kv.Value),
        };
        changed.Should().NotBe(first.Report);
        (first with { Findings = first.Findings.Skip(1).ToList() }).Should().NotBe(second);
    }

    [Test]
    public void GluedRowsAndFindingsCompareByTheirCollections()
    {
        var row = new GluedRow("三", ["a", "b"], "12", [[1m, 2m], [12m, 0m]], 2, "line 1");
        row.Should().Be(new GluedRow("三", new List<string> { "a", "b" }, "12", [new List<decimal> { 1m, 2m }, new[] { 12m, 0m }], 2, "line 1"));
        row.GetHashCode().Should().Be(new GluedRow("三", ["a", "b"], "12", [[1m, 2m], [12m, 0m]], 2, "line 1").GetHashCode());
        row.Should().NotBe(row with { Splits = [[1m, 2m]] });

        var finding = new Finding("SUM001", Severity.Error, "三", ["x", "y"], 1, 2, "m");
        finding.Should().Be(new Finding("SUM001", Severity.Error, "三", new List<string> { "x", "y" }, 1, 2, "m"));
        finding.Should().NotBe(finding with { Cells = ["y", "x"] });

        new AuditOptions { DisabledRules = new HashSet<string> { "sum001" } }
            .Should().Be(new AuditOptions { DisabledRules = new HashSet<string> { "SUM001" } });
    }

    [Test]
    public void TheModelsCollectionsCannotBeChangedThroughAnyPublicPath()
    {
        var result = DisclosurePipeline.Default.Audit(Path.Combine(TestPaths.TestData, "text", "flat_blank_cell.txt"));
        result.Report.Should().NotBeNull();
        result.Report!.GluedRows.Should().NotBeEmpty("the fixture has a glued row, whose nested lists are checked too");

        var checkedCount = AssertReadOnlyGraph(result);
        checkedCount.Should().BeGreaterThan(10);

        var path = Path.Combine(TestPaths.TestData, "html", "broken_totals.html");
        var layout = DisclosurePipeline.Default.ReadLayout(System.IO.File.ReadAllBytes(path), path);
        layout.Blocks.OfType<Disclosure.Parsing.Layout.LayoutTable>().Should().NotBeEmpty();
        AssertReadOnlyGraph(layout);

        var pdf = System.IO.File.ReadAllBytes(Path.Combine(TestPaths.TestData, "pdf", "borderless_landscape.pdf"));
        var pages = new Disclosure.Parsing.Reading.Pdf.PdfReader(new Disclosure.Parsing.Reading.Pdf.PdfReaderOptions { KeepPageGeometry = true }).Read(pdf);
        pages.Pages.Should().NotBeEmpty();
        AssertReadOnlyGraph(pages);
        AssertReadOnlyGraph(ReportMetrics.Definitions);

        foreach (var definition in CellCatalog.All)
        {
            AssertReadOnlyGraph(definition);
        }

        AssertReadOnly(CellCatalog.All, "CellCatalog.All");
        AssertReadOnly(RuleCatalog.Descriptors, "RuleCatalog.Descriptors");
        AssertReadOnly(DisclosurePipeline.Default.Rules, "DisclosurePipeline.Rules");
        AssertReadOnly(DisclosurePipeline.Default.PairRules, "DisclosurePipeline.PairRules");
        AssertReadOnlyGraph(new AuditOptions { DisabledRules = new HashSet<string> { "SUM001" } });
        AssertReadOnlyGraph(new HtmlReaderOptions());
        AssertReadOnlyGraph(new Disclosure.Parsing.Batch.WorkerProcessOptions("w", ["a"]) { Environment = new Dictionary<string, string> { ["A"] = "1" } });

        var summary = new Disclosure.Parsing.Batch.BatchSummary();
        summary.Add(result);
        summary.Add(Disclosure.Parsing.Model.AuditResult.Failed("x", null, FailureKind.Corrupt, "damaged"));
        AssertReadOnly(summary.FindingsByRule, "BatchSummary.FindingsByRule");
        AssertReadOnly(summary.Unreadable, "BatchSummary.Unreadable");

        var pass = new Disclosure.Parsing.Rules.CrossYear.CrossYearPass(DisclosurePipeline.Default);
        AssertReadOnly(pass.CellsKept!, "CrossYearPass.CellsKept");
        AssertReadOnlyGraph(new Disclosure.Parsing.Rules.CrossYear.CrossYearResult("a", "b", result.Report, 2023, [.. result.Findings]));
    }

    [Test]
    public void ReaderAndWorkerOptionsCopyWhatTheyAreGiven()
    {
        var skipped = new HashSet<string> { "nav" };
        var options = new HtmlReaderOptions { SkippedElements = skipped };
        skipped.Add("table");
        options.SkippedElements.Should().BeEquivalentTo(["nav"]);

        var arguments = new List<string> { "worker" };
        var environment = new Dictionary<string, string> { ["A"] = "1" };
        var worker = new Disclosure.Parsing.Batch.WorkerProcessOptions("w", arguments) { Environment = environment };
        arguments.Add("--evil");
        environment["B"] = "2";
        worker.Arguments.Should().Equal("worker");
        worker.Environment.Should().HaveCount(1);
    }

    [Test]
    public void TheCellCatalogueHandsOutNothingThatChangesItForTheProcess()
    {
        var definition = CellCatalog.All[0];
        var label = definition.RowPath[0];
        if (definition.RowPath is IList<string> list)
        {
            FluentActions.Invoking(() => list[0] = "changed").Should().Throw<NotSupportedException>();
        }

        CellCatalog.All[0].RowPath[0].Should().Be(label);
        CellCatalog.Find(definition.Key)!.RowPath[0].Should().Be(label);
    }

    [Test]
    public void OptionsCopyTheSetsTheyAreGiven()
    {
        var disabled = new HashSet<string> { "SUM001" };
        var options = new AuditOptions { DisabledRules = disabled };
        disabled.Add("SUM002");
        options.DisabledRules.Should().BeEquivalentTo(["SUM001"]);
        options.DisabledRules.Contains("sum001").Should().BeTrue("rule IDs are compared in any case");
    }

    // Walks the public properties of a model object (records and the collections they hold) and fails on any collection
    // that a caller could change: an array, or a collection whose interfaces would let it be written to.
    private static int AssertReadOnlyGraph(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var count = 0;
        Walk(root, root.GetType().Name);
        return count;

        void Walk(object? value, string path)
        {
            if (value is null or string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal || !seen.Add(value))
            {
                return;
            }

            if (value is IEnumerable items)
            {
                AssertReadOnly(value, path);
                count++;
                var i = 0;
                foreach (var item in items)
                {
                    Walk(item is DictionaryEntry e ? e.Value : item, $"{path}[{i++}]");
                }

                return;
            }

            var type = value.GetType();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
            {
                Walk(type.GetProperty("Value")!.GetValue(value), path + ".Value");
                return;
            }

            if (type.Namespace?.StartsWith("Disclosure.Parsing", StringComparison.Ordinal) != true)
            {
                return;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length == 0)
                {
                    Walk(property.GetValue(value), $"{path}.{property.Name}");
                }
            }
        }
    }

    private static void AssertReadOnly(object collection, string path)
    {
        collection.Should().NotBeAssignableTo<Array>($"{path} is an array, which anyone can write to");
        if (collection is IList { IsReadOnly: false } or IDictionary { IsReadOnly: false })
        {
            Assert.Fail($"{path} ({collection.GetType().Name}) can be changed through IList/IDictionary");
        }

        foreach (var face in collection.GetType().GetInterfaces().Where(static i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>)))
        {
            var isReadOnly = (bool)face.GetProperty(nameof(ICollection<int>.IsReadOnly))!.GetValue(collection)!;
            isReadOnly.Should().BeTrue($"{path} ({collection.GetType().Name}) can be changed through {face.Name}");
        }
    }
}
