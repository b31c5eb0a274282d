using System.Diagnostics;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Recognition;

namespace Disclosure.Parsing.Tests.Recognition;

/// <summary>The splitting of glued digits: the digit rules, the identities, and never a guess.</summary>
[TestFixture]
public sealed class GluedSolverTests
{
    private static readonly CellKind[] Seven = [.. Enumerable.Repeat(CellKind.Count, 7)];
    private static readonly (int, int[])[] RowTotal = [(6, [0, 1, 2, 3, 4, 5])];

    private static GluedLine Row(string run) => new(run.Split(' '), Seven, RowTotal);

    private static GluedOutcome One(GluedLine line) => GluedSolver.Solve([line], [])[0];

    [Test]
    public void TheRowTotalDecidesASplit() =>
        One(Row("310000031")).Values.Should().Equal(31, 0, 0, 0, 0, 0, 31);

    [Test]
    public void ThreeCountsWithoutAnIdentityStayOpenWithTheirSplits()
    {
        var outcome = One(new GluedLine(["77132470"], [CellKind.Count, CellKind.Count, CellKind.Count], []));

        outcome.Values.Should().BeNull();
        outcome.Splits.Select(static s => string.Join("/", s)).Should().Contain(["77/132/470", "77/13/2470", "7/71/32470"]);
    }

    [Test]
    public void ThreeCountsWithOneSplitAreRead() =>
        One(new GluedLine(["500"], [CellKind.Count, CellKind.Count, CellKind.Count], [])).Values.Should().Equal(5, 0, 0);

    [Test]
    public void ASpaceIsABoundaryItsAbsenceIsNot() =>
        One(Row("0 0 0 0 0 00")).Values.Should().Equal(0, 0, 0, 0, 0, 0, 0);

    [Test]
    public void DecimalsOnlyInAmountCells()
    {
        One(new GluedLine(["12.5"], [CellKind.Count], [])).Splits.Should().BeEmpty();
        One(new GluedLine(["12.5"], [CellKind.Amount], [])).Values.Should().Equal(12.5m);
    }

    [Test]
    public void NoLeadingZeroButALoneZero() =>
        One(new GluedLine(["0012"], [CellKind.Count, CellKind.Count, CellKind.Count], [])).Values.Should().Equal(0, 0, 12);

    [Test]
    public void ABlankCellThatVanishedLeavesTheRowOpen()
    {
        var outcome = One(Row("530008"));

        outcome.Values.Should().BeNull();
        outcome.Splits.Should().BeEmpty();
    }

    [Test]
    public void AWrongTotalLeavesAGluedRowOpenButSpacesThatSeparateEveryCellDecide()
    {
        One(Row("1200004")).Values.Should().BeNull("a wrong total and a vanished blank look alike in glued digits");
        One(Row("1 2 0 0 0 0 4")).Values.Should().Equal(1, 2, 0, 0, 0, 0, 4);
    }

    [Test]
    public void ColumnIdentitiesDecideARowThatSplitsTwoWays()
    {
        // 220000022 is 22/0/…/22 or 2/20/…/22; the row below it must equal it column by column.
        GluedLine[] lines = [Row("220000022"), Row("22 0 0 0 0 0 22")];
        One(lines[0]).Values.Should().BeNull();

        var identities = Enumerable.Range(0, 7).Select(c => new CrossIdentity([(0, c, 1), (1, c, -1)])).ToList();
        GluedSolver.Solve(lines, identities)[0].Values.Should().Equal(22, 0, 0, 0, 0, 0, 22);
    }

    [Test]
    public void IdentitiesThatCannotAllHoldFallBackToEachRowsOwnSplits()
    {
        GluedLine[] lines = [Row("220000022"), Row("5 0 0 0 0 0 5")];
        var identities = Enumerable.Range(0, 7).Select(c => new CrossIdentity([(0, c, 1), (1, c, -1)])).ToList();

        var outcomes = GluedSolver.Solve(lines, identities);

        outcomes[0].Values.Should().BeNull();
        outcomes[0].Splits.Should().HaveCount(2);
        outcomes[1].Values.Should().Equal(5, 0, 0, 0, 0, 0, 5);
    }

    [Test]
    public void ACraftedWorstCaseStaysFastAndGuessesNothing()
    {
        // Twenty-one outcome rows that each split two ways (11/0 or 1/10) under a total no choice can meet (column 1
        // needs 21 + 10a = 126, column 2 needs 10(21 − a) = 84): the bounds cannot prune until deep, and 2^21 choices
        // exist. The node cap must end it, leaving the rows open.
        var lines = Enumerable.Range(0, 21).Select(static _ => Row("110000011")).Append(Row("126 84 0 0 0 0 231")).ToList();
        var identities = Enumerable.Range(0, 7)
            .Select(c => new CrossIdentity([(21, c, 1), .. Enumerable.Range(0, 21).Select(r => (r, c, -1))]))
            .ToList();

        var clock = Stopwatch.StartNew();
        var outcomes = GluedSolver.Solve(lines, identities);
        clock.Stop();
        TestContext.Out.WriteLine($"worst case: {clock.ElapsedMilliseconds} ms");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        outcomes.Take(21).Should().OnlyContain(static o => o.Values == null);
        outcomes[21].Values.Should().Equal(126, 84, 0, 0, 0, 0, 231);
    }

    [Test]
    public void ARowWithTooManySplitsIsLeftOpenQuickly()
    {
        var run = string.Concat(Enumerable.Repeat("10", 40));
        var clock = Stopwatch.StartNew();
        var outcome = One(new GluedLine([run], [.. Enumerable.Repeat(CellKind.Count, 15)], []));
        clock.Stop();
        TestContext.Out.WriteLine($"80-digit run into 15 cells: {clock.ElapsedMilliseconds} ms, gave up {outcome.GaveUp}");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        outcome.Values.Should().BeNull();
        outcome.GaveUp.Should().BeTrue();
    }
}
