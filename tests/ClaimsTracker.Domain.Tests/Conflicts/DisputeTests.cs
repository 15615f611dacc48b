using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Tests.Conflicts;

/// <summary>Disputes: positions with their corroborations, grouped into camps, one item per quantity and period.</summary>
public class DisputeTests : CasualtyFamilyTests
{
    private const int Blinken = 1, Zelensky = 2, Official = 3, Nis = 4, Cnn = 5;

    [Fact]
    public void Detect_AboutOneThousandAndMoreThanOneThousand_AgreeInOneCamp()
    {
        var about = Figure(Blinken, KilledOrWounded, Qualifier.Approximately, 1000, asOf: EndOfDecember);
        var moreThan = Figure(Cnn, KilledOrWounded, Qualifier.MoreThan, 1000, asOf: EndOfDecember);
        var low = Figure(Official, KilledOrWounded, Qualifier.Approximately, 200, asOf: EndOfDecember);

        var dispute = Assert.Single(Detector.Detect(CasualtyFamily, [about, moreThan, low]));

        Assert.Equal(dispute.PositionOf(about.FigureId).Camp, dispute.PositionOf(moreThan.FigureId).Camp);
        Assert.NotEqual(dispute.PositionOf(about.FigureId).Camp, dispute.PositionOf(low.FigureId).Camp);
        Assert.Equal(2, dispute.Positions.Select(p => p.Camp).Distinct().Count());
        Assert.False(Detector.Compare(KilledOrWoundedMetric, about, KilledOrWoundedMetric, moreThan).Disagree);
    }

    [Fact]
    public void Detect_KilledPlusWoundedAgainstMoreThanThreeThousand_JoinTheSameCamp()
    {
        var killed = Figure(Nis, Killed, Qualifier.Exact, 300, report: 3);
        var wounded = Figure(Nis, Wounded, Qualifier.Exact, 2700, report: 3);
        var zelensky = Figure(Zelensky, KilledOrWounded, Qualifier.MoreThan, 3000, report: 5);
        var blinken = Figure(Blinken, KilledOrWounded, Qualifier.Approximately, 1000, report: 6);

        var dispute = Assert.Single(Detector.Detect(CasualtyFamily, [killed, wounded, zelensky, blinken]));

        var sum = dispute.PositionOf(killed.FigureId);
        Assert.True(sum.IsSumOfParts);
        Assert.Equal(dispute.PositionOf(zelensky.FigureId).Camp, sum.Camp);
        Assert.NotEqual(dispute.PositionOf(blinken.FigureId).Camp, sum.Camp);
        Assert.Equal(3, dispute.Positions.Count);
    }

    [Fact]
    public void Detect_SplitRepeatedByTwoReportsAndWithinOne_IsOnePositionNotDoubled()
    {
        var figures = new[]
        {
            Figure(Nis, Killed, Qualifier.Exact, 300, report: 3),
            Figure(Nis, Wounded, Qualifier.Exact, 2700, report: 3),
            // The same report repeats the killed figure in a later paragraph.
            Figure(Nis, Killed, Qualifier.Exact, 300, report: 3),
            Figure(Nis, Killed, Qualifier.Exact, 300, report: 4),
            Figure(Nis, Wounded, Qualifier.Exact, 2700, report: 4),
        };
        var upTo = Figure(Zelensky, KilledOrWounded, Qualifier.UpTo, 4000, report: 5);

        // Doubled, the split would be 6,000 (or 3,300) and fall outside "as many as 4,000".
        Assert.Empty(Detector.Detect(CasualtyFamily, [.. figures, upTo]));

        var low = Figure(Official, KilledOrWounded, Qualifier.Approximately, 200, report: 6);
        var dispute = Assert.Single(Detector.Detect(CasualtyFamily, [.. figures, upTo, low]));
        var sum = Assert.Single(dispute.Positions, p => p.IsSumOfParts);
        Assert.Equal(3000, sum.Interval.Low);
        Assert.Equal(3000, sum.Interval.High);
        Assert.Equal(2, sum.ReportCount);
        Assert.Equal(5, sum.Figures.Count);
        Assert.Equal(dispute.PositionOf(upTo.FigureId).Camp, sum.Camp);
    }

    [Fact]
    public void Detect_SameStatementInThreeReports_IsOnePositionWithCorroborations()
    {
        var repeats = Enumerable.Range(20, 3).Select(r => Figure(Blinken, KilledOrWounded, Qualifier.Approximately, 1000, asOf: EndOfDecember, report: r)).ToList();
        var other = Figure(Zelensky, KilledOrWounded, Qualifier.MoreThan, 3000, asOf: EndOfDecember, report: 30);

        Assert.Empty(Detector.Detect(CasualtyFamily, repeats));
        var dispute = Assert.Single(Detector.Detect(CasualtyFamily, [.. repeats, other]));

        Assert.Equal(2, dispute.Positions.Count);
        Assert.Equal(3, dispute.PositionOf(repeats[0].FigureId).ReportCount);
        Assert.Contains("(3 reports)", dispute.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_HundredMutuallyDisagreeingFigures_OneDisputeNotThousandsOfPairs()
    {
        // Each figure is 20 % above the one before: no two overlap, every pair disagrees.
        var figures = Enumerable.Range(0, 100)
            .Select(i => Figure(1000 + i, KilledOrWounded, Qualifier.Exact, Math.Round(100m * (decimal)Math.Pow(1.2, i)), asOf: EndOfDecember))
            .ToList();

        var dispute = Assert.Single(Detector.Detect(CasualtyFamily, figures));

        Assert.Equal(100, dispute.Members.Count);
        Assert.Equal(100, dispute.Positions.Select(p => p.Camp).Distinct().Count());
    }

    [Fact]
    public void Detect_SameSourceWithTwoValuesInTwoReports_ShowsBothPositionsInTheDispute()
    {
        var first = Figure(Blinken, KilledOrWounded, Qualifier.Exact, 1000, asOf: EndOfDecember, report: 1);
        var second = Figure(Blinken, KilledOrWounded, Qualifier.Exact, 3000, asOf: EndOfDecember, report: 2);

        var dispute = Assert.Single(Detector.Detect(CasualtyFamily, [first, second]));

        Assert.Equal(ConflictKind.ValueDisagreement, dispute.Kind);
        Assert.NotEqual(dispute.PositionOf(first.FigureId).Camp, dispute.PositionOf(second.FigureId).Camp);
    }

    [Fact]
    public void Detect_FigureThatAgreesWithBothSides_IsShownBesideTheDisputeAndFitsBothCamps()
    {
        var low = Figure(Blinken, KilledOrWounded, Qualifier.Exact, 1000, asOf: EndOfDecember);
        var high = Figure(Zelensky, KilledOrWounded, Qualifier.Exact, 3000, asOf: EndOfDecember);
        var hedge = Figure(Cnn, KilledOrWounded, Qualifier.MoreThan, 500, asOf: EndOfDecember);

        var dispute = Assert.Single(Detector.Detect(CasualtyFamily, [low, high, hedge]));

        var position = dispute.PositionOf(hedge.FigureId);
        Assert.Equal(2, position.ConsistentCamps.Count);
        Assert.False(Detector.Compare(KilledOrWoundedMetric, hedge, KilledOrWoundedMetric, high).Disagree);
    }

    [Fact]
    public void Detect_NewFigureOnTheSameQuantity_KeepsTheDisputeSignature()
    {
        var a = Figure(Blinken, KilledOrWounded, Qualifier.Approximately, 1000, asOf: EndOfDecember);
        var b = Figure(Zelensky, KilledOrWounded, Qualifier.MoreThan, 3000, asOf: EndOfDecember);
        var before = Assert.Single(Detector.Detect(CasualtyFamily, [a, b]));
        var c = Figure(Official, KilledOrWounded, Qualifier.Approximately, 200, asOf: EndOfDecember);

        var after = Assert.Single(Detector.Detect(CasualtyFamily, [a, b, c]));

        Assert.Equal(before.Signature, after.Signature);
        Assert.Equal(3, after.Positions.Select(p => p.Camp).Distinct().Count());
    }

    [Theory]
    [InlineData(1000, 1040, false, "rounding")]
    [InlineData(1000, 3000, true, "do not overlap")]
    [InlineData(1000, 1000, false, "corroboration")]
    public void Compare_TwoFigures_SaysWhetherAndWhy(int first, int second, bool disagree, string reason)
    {
        var a = Figure(Blinken, KilledOrWounded, Qualifier.Exact, first, asOf: EndOfDecember);
        var b = Figure(second == first ? Blinken : Zelensky, KilledOrWounded, Qualifier.Exact, second, asOf: EndOfDecember);

        var comparison = Detector.Compare(KilledOrWoundedMetric, a, KilledOrWoundedMetric, b);

        Assert.Equal(disagree, comparison.Disagree);
        Assert.Contains(reason, comparison.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_FarApartInTime_AreNotCompared()
    {
        var december = Figure(Blinken, KilledOrWounded, Qualifier.Exact, 1000, asOf: new(2024, 12, 1));
        var april = Figure(Zelensky, KilledOrWounded, Qualifier.Exact, 4700, asOf: new(2025, 4, 20));

        var comparison = Detector.Compare(KilledOrWoundedMetric, december, KilledOrWoundedMetric, april);

        Assert.False(comparison.Disagree);
        Assert.Contains("Not the same time", comparison.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_PartLargerThanTheWhole_Disagrees()
    {
        var killed = Figure(Nis, Killed, Qualifier.Exact, 300);
        var whole = Figure(Official, KilledOrWounded, Qualifier.Approximately, 200);

        Assert.True(Detector.Compare(KilledMetric, killed, KilledOrWoundedMetric, whole).Disagree);
        Assert.False(Detector.Compare(KilledMetric, killed, WoundedMetric, Figure(Official, Wounded, Qualifier.Exact, 10)).Disagree);
    }
}
