using Disclosure.Parsing.Reading.Pdf;

namespace Disclosure.Parsing.Tests.Reading.Pdf;

[TestFixture]
public sealed class PdfReaderOptionsTests
{
    [Test]
    public void TheDefaultsAreTheReadersOwnThresholds()
    {
        var options = new PdfReaderOptions();

        options.MaxPages.Should().Be(200);
        options.BorderlessColumnGap.Should().Be(1.0);
        options.RulingTolerance.Should().Be(0.2);
        options.LineTolerance.Should().Be(0.45);
        options.KeepPageGeometry.Should().BeFalse();
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(int.MinValue)]
    public void MaxPagesBelowOneIsRefusedByName(int value)
    {
        var act = () => new PdfReaderOptions { MaxPages = value };

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(nameof(PdfReaderOptions.MaxPages));
    }

    private static IEnumerable<TestCaseData> BadDistances()
    {
        foreach (var name in new[] { nameof(PdfReaderOptions.BorderlessColumnGap), nameof(PdfReaderOptions.RulingTolerance), nameof(PdfReaderOptions.LineTolerance) })
        {
            foreach (var value in new[] { 0.0, -0.1, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            {
                yield return new TestCaseData(name, value).SetArgDisplayNames(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [TestCaseSource(nameof(BadDistances))]
    public void ADistanceThatIsNotAboveZeroIsRefusedByName(string name, double value)
    {
        Func<PdfReaderOptions> set = name switch
        {
            nameof(PdfReaderOptions.BorderlessColumnGap) => () => new PdfReaderOptions { BorderlessColumnGap = value },
            nameof(PdfReaderOptions.RulingTolerance) => () => new PdfReaderOptions { RulingTolerance = value },
            _ => () => new PdfReaderOptions { LineTolerance = value },
        };

        set.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(name);
    }

    [Test]
    public void ACopyWithABadValueIsRefusedToo()
    {
        var options = new PdfReaderOptions();

        var act = () => options with { RulingTolerance = -1 };

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(nameof(PdfReaderOptions.RulingTolerance));
    }

    [Test]
    public void GoodValuesAreKept()
    {
        var options = new PdfReaderOptions { MaxPages = 1, BorderlessColumnGap = 0.5, RulingTolerance = 0.35, LineTolerance = 0.3 };

        options.Should().Be(new PdfReaderOptions { MaxPages = 1, BorderlessColumnGap = 0.5, RulingTolerance = 0.35, LineTolerance = 0.3 });
        options.RulingTolerance.Should().Be(0.35);
    }

    [Test]
    public void TheRulingToleranceIsUsed()
    {
        // Two tables whose walls stand 0.5 glyph sizes apart at one column (5 pt beside 10 pt text): by default two
        // walls, one column apart; with a tolerance above it, one wall.
        var pdf = PdfReaderTests.Build((b, font) =>
        {
            var page = b.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            double[] ys = [700, 670, 640];
            foreach (var y in ys)
            {
                page.DrawLine(new UglyToad.PdfPig.Core.PdfPoint(100, y), new UglyToad.PdfPig.Core.PdfPoint(400, y), 0.5);
            }

            foreach (var x in new[] { 100.0, 200, 205, 300, 400 })
            {
                page.DrawLine(new UglyToad.PdfPig.Core.PdfPoint(x, 700), new UglyToad.PdfPig.Core.PdfPoint(x, 640), 0.5);
            }

            page.AddText("Label", 10, new UglyToad.PdfPig.Core.PdfPoint(110, 680), font);
            page.AddText("12", 10, new UglyToad.PdfPig.Core.PdfPoint(220, 680), font);
            page.AddText("7", 10, new UglyToad.PdfPig.Core.PdfPoint(320, 680), font);
        });

        var strict = new PdfReader().Read(pdf).Blocks.OfType<Disclosure.Parsing.Layout.LayoutTable>().Single();
        var loose = new PdfReader(new PdfReaderOptions { RulingTolerance = 0.6 }).Read(pdf).Blocks.OfType<Disclosure.Parsing.Layout.LayoutTable>().Single();

        strict.Rows[0].Should().HaveCount(4, "the two walls 5 pt apart make a narrow empty column");
        loose.Rows[0].Select(static c => c.Text).Should().Equal("Label", "12", "7");
    }
}
