using System.Text.Json.Nodes;
using System.Xml.Linq;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Tests.Docs;

namespace Disclosure.Parsing.Tests.Model;

/// <summary>
/// Issue 13, point 5: cells by typed names generated from the template (<c>TypedCells.g.cs</c>), each mapping to exactly
/// one string key (the keys stay the contract), with the template's Chinese labels in their docs.
/// </summary>
[TestFixture]
public sealed class TypedCellsTests
{
    private static bool Regenerating => Environment.GetEnvironmentVariable("DISCLOSURE_REGENERATE_CELLS") == "1";

    /// <summary>One typed way to a cell: how it is written, the key it names, and the report access through it.</summary>
    private sealed record TypedPath(string Name, string Key, Func<Report, ReportCell?> Cell, Func<Report, decimal?> Value);

    // Every typed name there is: each cell enum member, and each row and column pair of the grid tables.
    private static IReadOnlyList<TypedPath> AllPaths() =>
    [
        .. Enum.GetValues<ActiveCell>().Select(static c => new TypedPath($"ActiveCell.{c}", CellCatalog.Key(c), r => r[c], r => r.Value(c))),
        .. Enum.GetValues<Active2019Cell>().Select(static c => new TypedPath($"Active2019Cell.{c}", CellCatalog.Key(c), r => r[c], r => r.Value(c))),
        .. from row in Enum.GetValues<RequestRow>()
           from column in Enum.GetValues<Applicant>()
           select new TypedPath($"[RequestRow.{row}, Applicant.{column}]", CellCatalog.Key(row, column), r => r[row, column], r => r.Value(row, column)),
        .. from row in Enum.GetValues<AppealBlock>()
           from column in Enum.GetValues<AppealResult>()
           select new TypedPath($"[AppealBlock.{row}, AppealResult.{column}]", CellCatalog.Key(row, column), r => r[row, column], r => r.Value(row, column)),
    ];

    [Test]
    public void TheCheckedInFileIsWhatTheCatalogueGenerates()
    {
        var path = Path.Combine(TestPaths.Root, TypedCellsGenerator.RelativePath);
        var generated = TypedCellsGenerator.Generate(CellCatalog.All);
        if (Regenerating)
        {
            File.WriteAllText(path, generated);
        }

        File.ReadAllText(path).Should().Be(generated,
            "{0} is generated from cells.tsv: run DISCLOSURE_REGENERATE_CELLS=1 dotnet test tests/Disclosure.Parsing.Tests --filter TypedCells", TypedCellsGenerator.RelativePath);
    }

    [Test]
    public void EveryCatalogueKeyHasExactlyOneTypedNameAndEveryTypedNameAKey()
    {
        var paths = AllPaths();
        var byKey = paths.GroupBy(static p => p.Key, StringComparer.Ordinal).ToDictionary(static g => g.Key, static g => g.ToList(), StringComparer.Ordinal);

        foreach (var cell in CellCatalog.All)
        {
            byKey.Should().ContainKey(cell.Key, "every key of cells.tsv has a typed name");
            byKey[cell.Key].Should().ContainSingle("{0} has one typed name, not several", cell.Key);
        }

        paths.Select(static p => p.Key).Should().OnlyContain(static k => CellCatalog.Find(k) != null, "a typed name names a key of the catalogue");
        paths.Should().HaveCount(CellCatalog.All.Count);

        // And back: the key's parts spell the name that leads to it (a name wired to a neighbour's key fails here).
        foreach (var path in paths)
        {
            NameOf(CellCatalog.Find(path.Key)!).Should().Be(path.Name);
        }
    }

    // The typed name of a catalogue cell, spelled from its key: table → types, snake_case parts → PascalCase members.
    private static string NameOf(CellDefinition cell)
    {
        static string P(string part) => string.Concat(part.Split('_').Select(static w => char.ToUpperInvariant(w[0]) + w[1..]));
        return cell.Table switch
        {
            "active" => $"ActiveCell.{P(cell.Row)}{P(cell.Column)}",
            "active2019" => $"Active2019Cell.{P(cell.Row)}{P(cell.Column)}",
            "requests" => $"[RequestRow.{P(cell.Row)}, Applicant.{P(cell.Column)}]",
            "appeals" => $"[AppealBlock.{P(cell.Row)}, AppealResult.{P(cell.Column)}]",
            _ => throw new InvalidOperationException($"a table with no typed names: {cell.Table}"),
        };
    }

    [Test]
    public void ATypedNameReachesTheCellOfItsKeyAndNoOther()
    {
        // A report holding every cell of both templates, each with its own value, so that a name mapped to the wrong
        // key reads a different number.
        var cells = CellCatalog.All.Select(static (c, i) => new ReportCell(c.Key, i + 1, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"cell {i}"))
            .ToDictionary(static c => c.Key, StringComparer.Ordinal);
        var report = new Report("机关", 2024, "2021", [], [], cells);

        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in AllPaths())
        {
            var cell = path.Cell(report);
            cell.Should().BeSameAs(cells[path.Key], "{0} names {1}", path.Name, path.Key);
            path.Value(report).Should().Be(cells[path.Key].Value, path.Name);
            reached.Add(cell!.Key).Should().BeTrue("{0} is the only way to {1}", path.Name, cell.Key);
        }

        reached.Should().BeEquivalentTo(cells.Keys);
        report[RequestRow.New, Applicant.Total]!.Key.Should().Be("requests.new.total");
        report[AppealBlock.LitigationAfterReview, AppealResult.Corrected]!.Key.Should().Be("appeals.litigation_after_review.corrected");
        report[ActiveCell.FeesAmount]!.Key.Should().Be("active.fees.amount");
        report[Active2019Cell.FeesChange]!.Key.Should().Be("active2019.fees.change");
    }

    [TestCase("html/plain.html", "2021")]
    [TestCase("html/mixed_templates.html", "2019")]
    [TestCase("docx/every_feature.docx", "2021")]
    public void ARealAuditReadsTheSameThroughTypedNamesAsThroughKeys(string file, string template)
    {
        var result = DisclosurePipeline.Default.Audit(Path.Combine(TestPaths.TestData, file));
        var report = result.Report!;
        report.Template.Should().Be(template);

        var located = 0;
        foreach (var path in AllPaths())
        {
            path.Cell(report).Should().BeSameAs(report.Cell(path.Key), path.Name);
            path.Value(report).Should().Be(report.Value(path.Key), path.Name);
            located += path.Cell(report) is null ? 0 : 1;
        }

        located.Should().Be(report.Cells.Count, "every located cell is reached by a typed name");
        located.Should().BeGreaterThan(150);

        // The numbers the expected file gives, through typed names.
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.TestData, Path.ChangeExtension(file, ".expected.json"))))!["cells"]!;
        report.Value(RequestRow.New, Applicant.Total).Should().Be(expected["requests.new.total"]!.GetValue<decimal>());
        report.Value(AppealBlock.Review, AppealResult.Total).Should().Be(expected["appeals.review.total"]!.GetValue<decimal>());
        if (template == "2019")
        {
            report.Value(Active2019Cell.RegulationsNewMade).Should().Be(expected["active2019.regulations.new_made"]!.GetValue<decimal>());
            report[ActiveCell.RegulationsIssued].Should().BeNull("a 2019 section 二 has its cells under Active2019Cell");
        }
        else
        {
            report.Value(ActiveCell.RegulationsIssued).Should().Be(expected["active.regulations.issued"]!.GetValue<decimal>());
            report[RequestRow.Other, Applicant.Total].Should().BeNull("（六） as one row is the 2019 table's");
        }
    }

    [Test]
    public void EveryMemberDocCarriesItsChineseLabelsKeyAndTemplate()
    {
        // The XML documentation as built, the text an IDE shows.
        var docs = XDocument.Load(Path.ChangeExtension(typeof(Report).Assembly.Location, ".xml")).Descendants("member")
            .ToDictionary(static m => (string)m.Attribute("name")!, static m => m.Element("summary")?.Value ?? "", StringComparer.Ordinal);
        string Doc<T>(T member) where T : struct, Enum => docs[$"F:Disclosure.Parsing.Model.{typeof(T).Name}.{member}"];
        static string Labels(IEnumerable<string> path) => string.Join(" › ", path);
        static string Templates(string t) => t == "both" ? "both templates" : $"the {t} template only";

        foreach (var c in Enum.GetValues<ActiveCell>())
        {
            var def = CellCatalog.Find(CellCatalog.Key(c))!;
            Doc(c).Should().Contain($"{Labels(def.RowPath)} / {Labels(def.ColumnPath)}").And.Contain(def.Key).And.Contain(Templates(def.Template));
        }

        foreach (var c in Enum.GetValues<Active2019Cell>())
        {
            var def = CellCatalog.Find(CellCatalog.Key(c))!;
            Doc(c).Should().Contain($"{Labels(def.RowPath)} / {Labels(def.ColumnPath)}").And.Contain(def.Key).And.Contain(Templates(def.Template));
        }

        foreach (var row in Enum.GetValues<RequestRow>())
        {
            var def = CellCatalog.Find(CellCatalog.Key(row, Applicant.Total))!;
            Doc(row).Should().Contain(Labels(def.RowPath)).And.Contain($"requests.{def.Row}.*").And.Contain(Templates(def.Template));
        }

        foreach (var column in Enum.GetValues<Applicant>())
        {
            var def = CellCatalog.Find(CellCatalog.Key(RequestRow.New, column))!;
            Doc(column).Should().Contain(Labels(def.ColumnPath)).And.Contain($"requests.*.{def.Column}");
        }

        foreach (var row in Enum.GetValues<AppealBlock>())
        {
            Doc(row).Should().Contain(Labels(CellCatalog.Find(CellCatalog.Key(row, AppealResult.Total))!.RowPath));
        }

        foreach (var column in Enum.GetValues<AppealResult>())
        {
            Doc(column).Should().Contain(Labels(CellCatalog.Find(CellCatalog.Key(AppealBlock.Review, column))!.ColumnPath));
        }

        Doc(RequestRow.DeniedStateSecret).Should().Be("三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密 (requests.denied_state_secret.*; both templates).");
        Doc(RequestRow.Other).Should().Contain("（六）其他处理").And.Contain("the 2019 template only");
    }

    [Test]
    public void ACellTheTemplateDoesNotHaveHasNoTypedName()
    {
        const string Valid = """
            using Disclosure.Parsing.Model;

            Report report = new("机关", 2024, "2021", [], [], new Dictionary<string, ReportCell>());
            ReportCell? a = report[ActiveCell.RegulationsIssued];
            decimal? b = report.Value(RequestRow.New, Applicant.Total);
            ReportCell? c = report[AppealBlock.Review, AppealResult.Corrected];
            decimal? d = report.Value(Active2019Cell.ProcurementAmount);
            """;
        DocumentedCodeTests.Errors(Valid).Should().BeEmpty("the control compiles");

        // 规章 has no 处理决定数量 column in section 二; a section 三 row with a section 四 column is no cell at all.
        DocumentedCodeTests.Errors(Valid.Replace("ActiveCell.RegulationsIssued", "ActiveCell.RegulationsDecisions", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().Contain("CS0117");
        DocumentedCodeTests.Errors(Valid.Replace("Applicant.Total", "AppealResult.Total", StringComparison.Ordinal))
            .Should().NotBeEmpty();
    }

    [Test]
    public void ANumberThatNamesNoMemberIsAnArgumentError()
    {
        var report = new Report("机关", 2024, "2021", [], [], new Dictionary<string, ReportCell>());

        FluentActions.Invoking(() => CellCatalog.Key((RequestRow)999, Applicant.Total)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("row");
        FluentActions.Invoking(() => CellCatalog.Key(RequestRow.New, (Applicant)(-1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("column");
        FluentActions.Invoking(() => report[(ActiveCell)Enum.GetValues<ActiveCell>().Length]).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("cell");
        FluentActions.Invoking(() => report.Value((AppealBlock)3, AppealResult.Total)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
