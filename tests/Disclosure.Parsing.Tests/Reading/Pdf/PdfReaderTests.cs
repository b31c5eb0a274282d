using System.Diagnostics;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Reading;
using Disclosure.Parsing.Reading.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Disclosure.Parsing.Tests.Reading.Pdf;

[TestFixture]
public sealed class PdfReaderTests
{
    internal static byte[] Build(Action<PdfDocumentBuilder, PdfDocumentBuilder.AddedFont> draw)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        draw(builder, font);
        return builder.Build();
    }

    [Test]
    public void RebuildsTheGridFromRulingsWithMergedCells()
    {
        // A 3 x 3 grid whose top row is one cell: the two inner walls stop below it.
        var pdf = Build((b, font) =>
        {
            var page = b.AddPage(PageSize.A4);
            double[] xs = [100, 200, 300, 400];
            double[] ys = [700, 670, 640, 610];
            foreach (var y in ys)
            {
                page.DrawLine(new PdfPoint(100, y), new PdfPoint(400, y), 0.5);
            }

            page.DrawLine(new PdfPoint(100, 700), new PdfPoint(100, 610), 0.5);
            page.DrawLine(new PdfPoint(400, 700), new PdfPoint(400, 610), 0.5);
            page.DrawLine(new PdfPoint(200, 670), new PdfPoint(200, 610), 0.5);
            page.DrawLine(new PdfPoint(300, 670), new PdfPoint(300, 610), 0.5);
            page.AddText("Header", 10, new PdfPoint(220, 680), font);
            page.AddText("Label", 10, new PdfPoint(110, 650), font);
            page.AddText("128", 10, new PdfPoint(210, 656), font);
            page.AddText("8", 10, new PdfPoint(210, 645), font);
            page.AddText("3", 10, new PdfPoint(310, 650), font);
            page.AddText("-1-", 10, new PdfPoint(290, 40), font);
        });

        var doc = new PdfReader().Read(pdf);

        var table = doc.Blocks.OfType<LayoutTable>().Single();
        table.Cells.Single(static c => c.Text == "Header").ColumnSpan.Should().Be(3);
        table.Rows[1].Select(static c => c.Text).Should().Equal("Label", "128\n8", "3");
        table.Cells.Single(static c => c.Text == "3").Location.Should().StartWith("page 1, table 1, row 2, col 3");
        doc.Blocks.OfType<LayoutParagraph>().Should().BeEmpty("the page number is page furniture");
    }

    [Test]
    public void BorderlessHeaderCellsCloserThanAWordGapAreToldApartByTheColumnsBelow()
    {
        // Narrow cells: the three column labels stand about half a character apart, as one run of words would.
        (string Text, double X, double Y)[] words =
        [
            ("Applications received and answered this year", 100, 700),
            ("Firms", 250, 680), ("Labs", 280, 680), ("Total", 305, 680),
            ("Persons", 100, 665), ("12", 256, 665), ("7", 287, 665), ("19", 311, 665),
            ("Others", 100, 650), ("3", 258, 650), ("4", 288, 650), ("7", 313, 650),
        ];
        var pdf = Build((b, font) =>
        {
            var page = b.AddPage(PageSize.A4);
            foreach (var (text, x, y) in words)
            {
                page.AddText(text, 10, new PdfPoint(x, y), font);
            }
        });

        var doc = new PdfReader().Read(pdf);

        doc.Blocks[0].Should().BeOfType<LayoutParagraph>().Which.Text.Should().StartWith("Applications",
            "a line running from the label column over the values is a heading, not a header");
        var table = doc.Blocks.OfType<LayoutTable>().Single();
        table.Rows.Select(static r => r.Select(static c => c.Text).ToArray()).Should().BeEquivalentTo(
            new[] { new[] { "Firms", "Labs", "Total" }, ["Persons", "12", "7", "19"], ["Others", "3", "4", "7"] },
            static o => o.WithStrictOrdering());
    }

    [Test]
    public void AScanIsRefusedAsNeedingOcr()
    {
        var pdf = Build((b, _) => b.AddPage(PageSize.A4).AddPng(Fixtures.Images.Png(8, 8), new PdfRectangle(50, 50, 545, 792)));

        var act = () => new PdfReader().Read(pdf);

        act.Should().Throw<DocumentReadException>().WithMessage("*scanned*OCR*");
    }

    [Test]
    public void AnEncryptedPdfNeedsAPassword()
    {
        var act = () => new PdfReader().Read(File.ReadAllBytes(Path.Combine(TestPaths.TestData, "pdf", "errors", "encrypted.pdf")));

        act.Should().Throw<DocumentReadException>().WithMessage("*encrypted*password*");
    }

    [Test]
    public void ATruncatedPdfIsCorrupt()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "pdf", "ruled_two_pages.pdf"));

        var act = () => new PdfReader().Read(bytes[..(bytes.Length / 3)]);

        act.Should().Throw<DocumentReadException>();
    }

    [Test]
    public void AFiveHundredPagePdfIsRefusedQuickly()
    {
        var pdf = Build((b, font) =>
        {
            for (var i = 0; i < 500; i++)
            {
                b.AddPage(PageSize.A4).AddText($"Page {i}", 10, new PdfPoint(50, 700), font);
            }
        });
        var watch = Stopwatch.StartNew();

        var act = () => new PdfReader().Read(pdf);

        act.Should().Throw<DocumentReadException>().WithMessage("*500 pages*");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Test]
    public void APdfThatIsNotAReportIsSaidSo()
    {
        var pdf = Build((b, font) => b.AddPage(PageSize.A4).AddText("Invoice 2024: total 12.50", 12, new PdfPoint(50, 700), font));

        var result = DisclosurePipeline.Default.Audit(pdf, "invoice.pdf");

        result.Error.Should().Contain("not a disclosure annual report");
        result.Format.Should().Be("pdf");
    }

    [Test]
    public void ASparseRowOpeningWithItsOwnNumberAfterAPageBreakIsANewRow()
    {
        // A ruled table whose row 1 is the last on page 1 and row 2 the first on page 2, cells left blank as real
        // reports leave them: row 2 leaves empty a cell row 1 wrote, as the rest of a cut row would, but it opens
        // with its own item number and carries its own values.
        double[] xs = [60, 260, 340, 420, 500];
        void Row(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, double top, params string[] texts) => RuledRow(page, font, xs, top, texts);

        var pdf = Build((b, font) =>
        {
            var first = b.AddPage(PageSize.A4);
            first.AddText("Applications answered", 12, new PdfPoint(60, 760), font);
            Row(first, font, 120, "Outcome", "Persons", "Firms", "Total");
            Row(first, font, 90, "1.NotHeld", "31", "", "31");
            var second = b.AddPage(PageSize.A4);
            Row(second, font, 780, "2.ToBeMade", "", "1", "1");
            Row(second, font, 750, "3.Unclear", "0", "0", "0");
        });

        var doc = new PdfReader().Read(pdf);

        var table = doc.Blocks.OfType<LayoutTable>().Single();
        table.Rows.Select(static r => string.Join("|", r.Select(static c => c.Text))).Should().Equal(
            "Outcome|Persons|Firms|Total",
            "1.NotHeld|31||31",
            "2.ToBeMade||1|1",
            "3.Unclear|0|0|0");
    }

    [TestCase(true, 2)]
    [TestCase(false, 1)]
    public void ATableContinuesOnTheNextPageOnlyWhenNothingButPageFurnitureFollowsIt(bool note, int tables)
    {
        // The same ruled table on two pages, each page numbered; a note under the first part ends the table there.
        double[] xs = [60, 260, 340, 420];
        void Row(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, double top, params string[] texts) => RuledRow(page, font, xs, top, texts);

        var pdf = Build((b, font) =>
        {
            var first = b.AddPage(PageSize.A4);
            Row(first, font, 300, "Outcome", "Persons", "Firms");
            Row(first, font, 270, "Granted", "3", "4");
            if (note)
            {
                first.AddText("Notes:FirstHalfOnly", 10, new PdfPoint(60, 200), font);
            }

            first.AddText("- 1 -", 10, new PdfPoint(290, 40), font);
            var second = b.AddPage(PageSize.A4);
            Row(second, font, 780, "Refused", "1", "2");
            second.AddText("- 2 -", 10, new PdfPoint(290, 40), font);
        });

        var doc = new PdfReader().Read(pdf);

        doc.Blocks.OfType<LayoutTable>().Should().HaveCount(tables);
        doc.Blocks.OfType<LayoutParagraph>().Select(static p => p.Text).Should().Equal(note ? ["Notes:FirstHalfOnly"] : []);
    }

    // One row of a ruled table, 30 pt high, between the column lines at xs; a blank text leaves its cell empty.
    private static void RuledRow(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, double[] xs, double top, string[] texts)
    {
        page.DrawLine(new PdfPoint(xs[0], top), new PdfPoint(xs[^1], top), 0.5);
        page.DrawLine(new PdfPoint(xs[0], top - 30), new PdfPoint(xs[^1], top - 30), 0.5);
        foreach (var x in xs)
        {
            page.DrawLine(new PdfPoint(x, top), new PdfPoint(x, top - 30), 0.5);
        }

        for (var i = 0; i < texts.Length; i++)
        {
            if (texts[i].Length > 0)
            {
                page.AddText(texts[i], 9, new PdfPoint(xs[i] + 5, top - 19), font);
            }
        }
    }

    [Test]
    public void TextDecodedToLatinSymbolsIsSaidToNeedAUnicodeMap()
    {
        // A font with its own encoding and no ToUnicode: the Chinese text decodes as ¿”¡ﬂ‹…, not as unmapped glyphs.
        var pdf = Fixtures.BuiltInEncodingPdf.Build(lines: 12, glyphsPerLine: 30);
        var text = string.Concat(PdfPages.Open(pdf).Read(1).Page!.Letters.Select(static l => l.Value));
        text.Should().Contain("¿ﬂ„", "the fixture decodes as the Latin symbols real files show").And.NotContain("\uFFFD");

        var result = DisclosurePipeline.Default.Audit(pdf, "report.pdf");

        result.ErrorKind.Should().Be(FailureKind.Scanned);
        result.Error.Should().Contain("no Unicode map").And.Contain("Latin symbols").And.Contain("¿").And.NotContain("not a disclosure annual report");
    }

    [TestCase("Invoice 2024: total 12.50 EUR, payable within thirty days of receipt by bank transfer to the account below.")]
    [TestCase("Übersicht: Gebühren für Änderungen, Größe und Maße; café, naïve, déjà vu, façade, über, schön, Straße.")]
    public void LatinTextIsStillNotAReport(string line)
    {
        // Helvetica in WinAnsiEncoding: accented letters are Latin-1 characters too, a few in a line.
        var pdf = Fixtures.BuiltInEncodingPdf.Build(0, 0, [.. Enumerable.Repeat(line, 6)]);

        var result = DisclosurePipeline.Default.Audit(pdf, "letter.pdf");

        result.ErrorKind.Should().Be(FailureKind.NotAReport);
        result.Error.Should().Contain("not a disclosure annual report");
    }

    [TestCase("¿”¿¡ﬂ‹…„·ÅçÆ½®¥§†‰ﬁ»", 3, true)]
    [TestCase("¿”¿¡ﬂ‹…„· some words", 3, true)]
    [TestCase("Übersicht: Gebühren für Änderungen, Größe und Maße; déjà vu, façade", 3, false)]
    [TestCase("“政府信息公开”工作年度报告——¥·…本机关不掌握相关政府信息", 3, false)]
    [TestCase("¿”¡ﬂ‹…", 1, false)]
    public void ToldApartByTheScriptsTheTextIsIn(string text, int times, bool gibberish)
    {
        var count = new PdfReader.ScriptCount();
        count.Add(string.Concat(Enumerable.Repeat(text, times)));

        count.IsLatinGibberish.Should().Be(gibberish, "too little text is not judged");
    }

    [TestCase("-4-")]
    [TestCase("- 4 -")]
    [TestCase("4 / 12")]
    public void DrawnPageNumbersAreNotContent(string text)
    {
        var pdf = Build((b, font) =>
        {
            var page = b.AddPage(PageSize.A4);
            page.AddText("Report", 12, new PdfPoint(50, 700), font);
            page.AddText(text, 10, new PdfPoint(280, 40), font);
        });

        new PdfReader().Read(pdf).Blocks.OfType<LayoutParagraph>().Select(static p => p.Text).Should().Equal("Report");
    }

    [TestCase("\uE012", true)]
    [TestCase("\uFFFD", true)]
    [TestCase("\u0003", true)]
    [TestCase("政", false)]
    [TestCase("7", false)]
    public void RecognisesGlyphsWithoutACharacter(string value, bool unmapped) => PdfReader.IsUnmapped(value).Should().Be(unmapped);

    [TestCase("— 4 —", true)]
    [TestCase("第 4 页", true)]
    [TestCase("第4页 共12页", true)]
    [TestCase("12", true)]
    [TestCase("2024", false)]
    [TestCase("2024年", false)]
    [TestCase("一、总体情况", false)]
    public void RecognisesPageNumberForms(string text, bool isPageNumber) => PdfReader.IsPageNumber(text).Should().Be(isPageNumber);
}

[TestFixture]
public sealed class PageBreakJoinerTests
{
    private static LayoutTable Table(params string[][] rows) =>
        new(1, rows.SelectMany((r, i) => r.Select((t, j) => new LayoutCell(t, i, j, 1, 1, $"r{i}c{j}"))).ToList(), true, "t");

    private static readonly double[] Bounds = [0, 100, 200, 300];

    [Test]
    public void ATableEndingAPageContinuesOnTheNext()
    {
        var blocks = PageBreakJoiner.Join([
            new PageBlock(Table(["a", "1", "2"]), 1, 700, Bounds),
            new PageBlock(Table(["b", "3", "4"]), 2, 80, Bounds),
        ]);

        blocks.Should().ContainSingle().Which.Should().BeOfType<LayoutTable>().Which.RowCount.Should().Be(2);
    }

    [Test]
    public void TheRestOfACutRowJoinsIt()
    {
        var blocks = PageBreakJoiner.Join([
            new PageBlock(Table(["label", "1", "2"], ["long la", "3", "4"]), 1, 700, Bounds),
            new PageBlock(Table(["bel end", "", ""], ["next", "5", "6"]), 2, 80, Bounds),
        ]);

        var table = (LayoutTable)blocks.Single();
        table.Rows[1].Select(static c => c.Text).Should().Equal("long la\nbel end", "3", "4");
        table.Rows[2].Select(static c => c.Text).Should().Equal("next", "5", "6");
    }

    [Test]
    public void ARepeatedHeaderIsNotACutRow()
    {
        var blocks = PageBreakJoiner.Join([
            new PageBlock(Table(["h1", "h2", "h3"], ["a", "1", "2"]), 1, 700, Bounds),
            new PageBlock(Table(["h1", "h2", "h3"], ["b", "3", "4"]), 2, 80, Bounds),
        ]);

        ((LayoutTable)blocks.Single()).RowCount.Should().Be(4);
    }

    [Test]
    public void TablesWithOtherColumnsOrOnFarPagesStayApart()
    {
        PageBreakJoiner.Join([
            new PageBlock(Table(["a", "1"]), 1, 700, Bounds),
            new PageBlock(Table(["b", "2"]), 2, 80, [0, 150, 300]),
        ]).Should().HaveCount(2);
        PageBreakJoiner.Join([
            new PageBlock(Table(["a", "1"]), 1, 700, Bounds),
            new PageBlock(Table(["b", "2"]), 3, 80, Bounds),
        ]).Should().HaveCount(2);
    }

    [Test]
    public void ARowOpeningWithItsOwnItemNumberAfterTheBreakIsNotTheRestOfTheLast()
    {
        double[] bounds = [0, 200, 260, 320, 380];
        var blocks = PageBreakJoiner.Join([
            new PageBlock(Table(["（四）无法提供", "", "", ""], ["1.本机关不掌握相关政府信息", "31", "", "31"]), 1, 700, bounds),
            new PageBlock(Table(["2.没有现成信息需要另行制作", "", "1", "1"], ["3.补正后申请内容仍不明确", "0", "0", "0"]), 2, 80, bounds),
        ]);

        var table = (LayoutTable)blocks.Single();
        table.Rows.Select(static r => string.Join("|", r.Select(static c => c.Text))).Should().Equal(
            "（四）无法提供|||",
            "1.本机关不掌握相关政府信息|31||31",
            "2.没有现成信息需要另行制作||1|1",
            "3.补正后申请内容仍不明确|0|0|0");
    }

    [Test]
    public void TheRestOfACutSparseRowStillJoinsIt()
    {
        double[] bounds = [0, 200, 260, 320, 380];
        var blocks = PageBreakJoiner.Join([
            new PageBlock(Table(["1.本机关不掌握相关", "31", "", "31"]), 1, 700, bounds),
            new PageBlock(Table(["政府信息", "", "", ""], ["2.没有现成信息需要另行制作", "", "1", "1"]), 2, 80, bounds),
        ]);

        var table = (LayoutTable)blocks.Single();
        table.Rows.Select(static r => string.Join("|", r.Select(static c => c.Text))).Should().Equal(
            "1.本机关不掌握相关\n政府信息|31||31",
            "2.没有现成信息需要另行制作||1|1");
    }

    [Test]
    public void ATableFollowedByAParagraphOnItsPageDoesNotContinueOnTheNext()
    {
        var blocks = PageBreakJoiner.Join([
            new PageBlock(Table(["a", "1", "2"]), 1, 600, Bounds),
            new PageBlock(new LayoutParagraph("注：本表数据截至年底。", "p1"), 1, 700, null),
            new PageBlock(Table(["b", "3", "4"]), 2, 80, Bounds),
        ]);

        blocks.Select(static b => b.GetType().Name).Should().Equal(nameof(LayoutTable), nameof(LayoutParagraph), nameof(LayoutTable));
    }

    [Test]
    public void ATableAfterAParagraphOnTheNextPageIsNotAContinuation()
    {
        var blocks = PageBreakJoiner.Join([
            new PageBlock(Table(["a", "1", "2"]), 1, 600, Bounds),
            new PageBlock(new LayoutParagraph("四、政府信息公开行政复议、行政诉讼情况", "p2"), 2, 60, null),
            new PageBlock(Table(["b", "3", "4"]), 2, 80, Bounds),
        ]);

        blocks.OfType<LayoutTable>().Should().HaveCount(2);
    }

    [Test]
    public void ARunningFooterBetweenThePartsDoesNotKeepThemApart()
    {
        var blocks = PageBreakJoiner.Join([
            new PageBlock(Table(["a", "1", "2"]), 1, 600, Bounds),
            new PageBlock(new LayoutParagraph("某县人民政府办公室", "p1"), 1, 800, null),
            new PageBlock(Table(["b", "3", "4"]), 2, 80, Bounds),
            new PageBlock(new LayoutParagraph("某县人民政府办公室", "p2"), 2, 801, null),
        ]);

        blocks.Should().ContainSingle().Which.Should().BeOfType<LayoutTable>().Which.RowCount.Should().Be(2);
    }

    [Test]
    public void ATableOverThreePagesIsOneTable()
    {
        var blocks = PageBreakJoiner.Join([
            new PageBlock(Table(["a", "1", "2"]), 1, 600, Bounds),
            new PageBlock(Table(["b", "3", "4"]), 2, 80, Bounds),
            new PageBlock(Table(["c", "5", "6"]), 3, 80, Bounds),
        ]);

        ((LayoutTable)blocks.Single()).Rows.Select(static r => r[0].Text).Should().Equal("a", "b", "c");
    }

    [TestCase(10.5, 2.5, 1)]
    [TestCase(10.5, 4.0, 2)]
    [TestCase(21, 4.0, 1)]
    public void ColumnsMatchAcrossPagesToAFractionOfTheTextSize(double textSize, double shift, int tables)
    {
        // 0.3 text sizes: 3.15 pt beside 10.5 pt text, 6.3 pt beside 21 pt text (the same report printed twice as large).
        double[] shifted = [.. Bounds.Select(b => b + shift)];
        var blocks = PageBreakJoiner.Join([
            new PageBlock(Table(["a", "1", "2"]), 1, 600, Bounds, textSize),
            new PageBlock(Table(["b", "3", "4"]), 2, 80, shifted, textSize),
        ]);

        blocks.Should().HaveCount(tables);
    }

    [Test]
    public void RunningHeadersAreDropped()
    {
        var blocks = PageBreakJoiner.Join([
            new PageBlock(new LayoutParagraph("某县政府信息公开年度报告", "p1"), 1, 40, null),
            new PageBlock(new LayoutParagraph("一、总体情况", "p1"), 1, 90, null),
            new PageBlock(new LayoutParagraph("某县政府信息公开年度报告", "p2"), 2, 41, null),
        ]);

        blocks.Should().ContainSingle().Which.Should().BeOfType<LayoutParagraph>().Which.Text.Should().Be("一、总体情况");
    }
}
