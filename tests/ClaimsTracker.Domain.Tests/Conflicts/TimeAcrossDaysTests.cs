using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Tests.Conflicts;

/// <summary>
/// Counts said on different days: what time explains (a toll growing, a source revising its own
/// figure) stays out of the queue; what it cannot (a running total falling between sources, a leap
/// far beyond growth) and what is said on the same day are disputes.
/// </summary>
public class TimeAcrossDaysTests : CasualtyFamilyTests
{
    private const int Agency = 1, Hospital = 2, Police = 3, RightsGroup = 4;

    // A stock (people missing, patients in hospital) can go up and down; a running total cannot fall.
    private static readonly DetectionMetric Missing = new(20, "people missing", FigureKind.Count, IsCumulative: false, IsSingleEvent: false, []);

    [Fact]
    public void Detect_OneSourceRaisesItsTollDayByDay_IsNoDispute()
    {
        var figures = new[]
        {
            Figure(Agency, Killed, Qualifier.AtLeast, 5, asOf: new(2026, 10, 4)),
            Figure(Agency, Killed, Qualifier.Exact, 9, asOf: new(2026, 10, 7)),
            Figure(Agency, Killed, Qualifier.Exact, 14, asOf: new(2026, 10, 9)),
        };

        Assert.Empty(Detector.Detect([KilledMetric], figures));
    }

    [Fact]
    public void Detect_AnotherSourceHigherOnALaterDay_IsGrowthNotADispute()
    {
        var figures = new[]
        {
            Figure(Police, Killed, Qualifier.AtLeast, 9, asOf: new(2025, 10, 12)),
            Figure(Agency, Killed, Qualifier.Exact, 12, asOf: new(2025, 10, 13)),
        };

        Assert.Empty(Detector.Detect([KilledMetric], figures));
    }

    [Fact]
    public void Detect_SameDayDisagreement_IsOneDisputeAndTheSourcesEarlierTollIsItsHistory()
    {
        var early = Figure(Agency, Killed, Qualifier.AtLeast, 5, asOf: new(2026, 10, 6));
        var agency = Figure(Agency, Killed, Qualifier.Exact, 9, asOf: new(2026, 10, 7));
        var hospital = Figure(Hospital, Killed, Qualifier.Exact, 23, asOf: new(2026, 10, 7));

        var dispute = Assert.Single(Detector.Detect([KilledMetric], [early, agency, hospital]));

        Assert.NotEqual(dispute.PositionOf(agency.FigureId).Camp, dispute.PositionOf(hospital.FigureId).Camp);
        // One source never stands in two camps: what it said the day before sits with what it says now.
        Assert.Equal(dispute.PositionOf(agency.FigureId).Camp, dispute.PositionOf(early.FigureId).Camp);
    }

    [Fact]
    public void Detect_SinceSundayAgainstATollTheSameDay_AreOneRunningTotal()
    {
        var agency = Figure(Agency, Killed, Qualifier.Exact, 9, asOf: new(2026, 10, 7));
        var hospital = Figure(Hospital, Killed, Qualifier.Exact, 23, period: (new(2026, 10, 4), new(2026, 10, 7))) with
        {
            Time = TimeReference.Period(new(2026, 10, 4), new(2026, 10, 7), "since Sunday"),
        };

        Assert.Single(Detector.Detect([KilledMetric], [agency, hospital]));
    }

    [Fact]
    public void Detect_AnotherSourcesLargerSumOfMoneyDaysLater_IsADisputeNotGrowth()
    {
        // A rescue package or a ransom is one amount: days between the statements do not explain 1.8 against 2.6 billion.
        var rescue = new DetectionMetric(21, "size of the rescue", FigureKind.Money, IsCumulative: false, IsSingleEvent: false, []);
        var ministry = Figure(Agency, 21, Qualifier.Exact, 1_800_000_000, asOf: new(2026, 5, 4)) with { Kind = FigureKind.Money };
        var budgetOffice = Figure(RightsGroup, 21, Qualifier.Exact, 2_600_000_000, asOf: new(2026, 5, 7)) with { Kind = FigureKind.Money };

        var dispute = Assert.Single(Detector.Detect([rescue], [ministry, budgetOffice]));

        Assert.NotEqual(dispute.PositionOf(ministry.FigureId).Camp, dispute.PositionOf(budgetOffice.FigureId).Camp);
        Assert.True(Detector.Compare(rescue, ministry, rescue, budgetOffice).Disagree);
    }

    [Fact]
    public void Detect_AShareRestatedThreeWeeksLaterByAnotherSource_IsStillCompared()
    {
        // A survey's share of a reef bleached, denied by a ministry three weeks on: one quantity, two claims.
        var bleached = new DetectionMetric(22, "share of the reef bleached", FigureKind.Percentage, IsCumulative: false, IsSingleEvent: false, []);
        var survey = Figure(RightsGroup, 22, Qualifier.Exact, 64, asOf: new(2026, 4, 28)) with { Kind = FigureKind.Percentage };
        var ministry = Figure(Agency, 22, Qualifier.LessThan, 30, asOf: new(2026, 5, 20)) with { Kind = FigureKind.Percentage };

        Assert.Single(Detector.Detect([bleached], [survey, ministry]));
    }

    [Fact]
    public void Detect_ACountThreeWeeksLaterFromAnotherSource_IsOutsideTheWindow()
    {
        // Counts move with the days: three weeks apart, 40 and 90 are two moments, whatever the sources.
        var early = Figure(Agency, Missing.Id, Qualifier.Exact, 40, asOf: new(2026, 4, 28));
        var later = Figure(Hospital, Missing.Id, Qualifier.Exact, 90, asOf: new(2026, 5, 20));

        Assert.Empty(Detector.Detect([Missing], [early, later]));
    }

    [Fact]
    public void Detect_AShareTwoMonthsLater_IsAnotherMoment()
    {
        var bleached = new DetectionMetric(22, "share of the reef bleached", FigureKind.Percentage, IsCumulative: false, IsSingleEvent: false, []);
        var first = Figure(RightsGroup, 22, Qualifier.Exact, 40, asOf: new(2026, 3, 1)) with { Kind = FigureKind.Percentage };
        var later = Figure(Agency, 22, Qualifier.Exact, 64, asOf: new(2026, 5, 20)) with { Kind = FigureKind.Percentage };

        Assert.Empty(Detector.Detect([bleached], [first, later]));
    }

    [Fact]
    public void Detect_OneSourceRevisingASumOfMoneyDaysLater_IsItsHistory()
    {
        var rescue = new DetectionMetric(21, "size of the rescue", FigureKind.Money, IsCumulative: false, IsSingleEvent: false, []);
        var first = Figure(Agency, 21, Qualifier.Exact, 1_800_000_000, asOf: new(2026, 5, 4)) with { Kind = FigureKind.Money };
        var revised = Figure(Agency, 21, Qualifier.Exact, 2_600_000_000, asOf: new(2026, 5, 7)) with { Kind = FigureKind.Money };

        Assert.Empty(Detector.Detect([rescue], [first, revised]));
    }

    [Fact]
    public void Compare_GrowthAcrossDaysAndARevision_AnswerLikeDetection()
    {
        var police = Figure(Police, Killed, Qualifier.AtLeast, 9, asOf: new(2025, 10, 12));
        var agency = Figure(Agency, Killed, Qualifier.Exact, 12, asOf: new(2025, 10, 13));
        var revised = Figure(Agency, Killed, Qualifier.Exact, 15, asOf: new(2025, 10, 14));
        var rights = Figure(RightsGroup, Killed, Qualifier.AtLeast, 17, asOf: new(2025, 10, 13));

        Assert.False(Detector.Compare(KilledMetric, police, KilledMetric, agency).Disagree);
        Assert.False(Detector.Compare(KilledMetric, agency, KilledMetric, revised).Disagree);
        Assert.True(Detector.Compare(KilledMetric, agency, KilledMetric, rights).Disagree);
    }

    [Fact]
    public void Detect_RunningTotalFallsBetweenSources_IsADispute()
    {
        var figures = new[]
        {
            Figure(Agency, Killed, Qualifier.Exact, 40, asOf: new(2025, 1, 10)),
            Figure(RightsGroup, Killed, Qualifier.Exact, 12, asOf: new(2025, 1, 12)),
        };

        Assert.Single(Detector.Detect([KilledMetric], figures));
    }

    [Fact]
    public void Detect_StockFallsBetweenSources_IsNoDispute()
    {
        var figures = new[]
        {
            Figure(Police, 20, Qualifier.Approximately, 25, asOf: new(2026, 10, 7)) with { MetricId = Missing.Id },
            Figure(Agency, 20, Qualifier.Exact, 11, asOf: new(2026, 10, 9)) with { MetricId = Missing.Id },
        };

        Assert.Empty(Detector.Detect([Missing], figures));
    }

    [Fact]
    public void Detect_LaterFigureFarBeyondPlausibleGrowth_IsADispute()
    {
        var figures = new[]
        {
            Figure(Agency, Missing.Id, Qualifier.Approximately, 1200, asOf: new(2025, 3, 2)),
            Figure(RightsGroup, Missing.Id, Qualifier.Nearly, 9000, asOf: new(2025, 3, 4)),
        };

        Assert.Single(Detector.Detect([Missing], figures));
    }
}
