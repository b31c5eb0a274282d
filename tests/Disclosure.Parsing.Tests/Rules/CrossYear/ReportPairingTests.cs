using Disclosure.Parsing.Rules.CrossYear;

namespace Disclosure.Parsing.Tests.Rules.CrossYear;

[TestFixture]
public sealed class ReportPairingTests
{
    [Test]
    public void PairsOneAgencyInConsecutiveYearsWhateverTheSpacing()
    {
        var pairs = ReportPairing.Pair([
            ("a2024.pdf", TestReports.Consistent() with { Agency = "示例县 人民政府", Year = 2024 }),
            ("a2023.html", TestReports.Consistent() with { Agency = "示例县人民政府", Year = 2023 }),
            ("a2021.html", TestReports.Consistent() with { Agency = "示例县人民政府", Year = 2021 }),
            ("b2023.html", TestReports.Consistent() with { Agency = "另一县人民政府", Year = 2023 }),
        ]);

        pairs.Should().ContainSingle();
        (pairs[0].Current.File, pairs[0].Previous.File).Should().Be(("a2024.pdf", "a2023.html"));
    }
}
