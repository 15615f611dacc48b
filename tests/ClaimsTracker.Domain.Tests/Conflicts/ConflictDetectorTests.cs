using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Tests.Conflicts;

public class ConflictDetectorTests : CasualtyFamilyTests
{
    private const int Blinken = 1, Zelensky = 2, Official = 3, Nis = 4, Sbu = 5, Intelligence = 6, Accusers = 7;

    private static readonly DetectionMetric TroopsMetric = new(Troops, "troops deployed", FigureKind.Count, true, false, []);
    private static readonly DetectionMetric CaptureDateMetric = new(CaptureDate, "capture date", FigureKind.Date, false, true, []);
    private static readonly DetectionMetric WeeklyLossesMetric = new(WeeklyLosses, "losses per week", FigureKind.Count, false, false, []);

    [Fact]
    public void Detect_AboutOneThousandAgainstMoreThanThreeAndUpToFourThousand_OneDisputeWithTwoCamps()
    {
        var blinken = Figure(Blinken, KilledOrWounded, Qualifier.Approximately, 1000, asOf: EndOfDecember);
        var upTo = Figure(Zelensky, KilledOrWounded, Qualifier.UpTo, 4000, published: new(2025, 1, 13));
        var moreThan = Figure(Zelensky, KilledOrWounded, Qualifier.MoreThan, 3000, asOf: EndOfDecember, report: 9);

        var conflict = Assert.Single(Detector.Detect(CasualtyFamily, [blinken, upTo, moreThan]));

        Assert.Equal(ConflictKind.ValueDisagreement, conflict.Kind);
        Assert.Equal([blinken.FigureId, upTo.FigureId, moreThan.FigureId], conflict.Members.Select(m => m.FigureId).Order());
        // Closest ends: 1,100 against 3,000.
        Assert.Equal(1 - (1100d / 3000d), conflict.Severity, 3);
        Assert.Contains("“about 1,000”", conflict.Explanation, StringComparison.Ordinal);
        Assert.Contains("cannot all be right", conflict.Explanation, StringComparison.Ordinal);
        // Zelensky's two figures overlap: one camp against Blinken's.
        Assert.Equal(conflict.PositionOf(upTo.FigureId).Camp, conflict.PositionOf(moreThan.FigureId).Camp);
        Assert.NotEqual(conflict.PositionOf(blinken.FigureId).Camp, conflict.PositionOf(upTo.FigureId).Camp);
    }

    [Fact]
    public void Detect_OverlappingTroopEstimates_FlagsNothing()
    {
        var figures = new[]
        {
            Figure(Intelligence, Troops, Qualifier.Approximately, 11000, asOf: new(2025, 1, 13)),
            Figure(Sbu, Troops, Qualifier.Approximately, 11000, asOf: new(2025, 1, 11)),
            Figure(Accusers, Troops, Qualifier.MoreThan, 10000, asOf: new(2025, 1, 12)),
            Figure(Nis, Troops, Qualifier.Range, 10000, 12000, asOf: new(2025, 1, 12)),
        };

        Assert.Empty(Detector.Detect([TroopsMetric], figures));
    }

    [Fact]
    public void Detect_CumulativeGrowthMonthsApart_FlagsNothing()
    {
        var december = Figure(Blinken, KilledOrWounded, Qualifier.Approximately, 1100, asOf: new(2024, 12, 20));
        var april = Figure(Zelensky, KilledOrWounded, Qualifier.Exact, 4700, asOf: new(2025, 4, 20));

        Assert.Empty(Detector.Detect(CasualtyFamily, [december, april]));
    }

    [Fact]
    public void Detect_ExactCountsApartByRoundingOnly_FlagsNothing()
    {
        var thousand = Figure(Blinken, KilledOrWounded, Qualifier.Exact, 1000);
        var roundingApart = Figure(Zelensky, KilledOrWounded, Qualifier.Exact, 1040);
        var tenPerCentApart = Figure(Official, KilledOrWounded, Qualifier.Exact, 1100);

        Assert.Empty(Detector.Detect(CasualtyFamily, [thousand, roundingApart]));
        Assert.Single(Detector.Detect(CasualtyFamily, [thousand, tenPerCentApart]));
    }

    [Fact]
    public void Detect_DatesOneDayApart_AreStillADateDisagreement()
    {
        var eighth = Figure(Official, CaptureDate, Qualifier.Exact, new DateOnly(2025, 1, 8).DayNumber);
        var ninth = Figure(Sbu, CaptureDate, Qualifier.Exact, new DateOnly(2025, 1, 9).DayNumber);

        Assert.Equal(ConflictKind.DateDisagreement, Assert.Single(Detector.Detect([CaptureDateMetric], [eighth, ninth])).Kind);
    }

    [Fact]
    public void Detect_SameDisagreementBeyondTheWindow_FlagsNothing()
    {
        var early = Figure(Blinken, KilledOrWounded, Qualifier.Exact, 1000, asOf: new(2024, 12, 1));
        var late = Figure(Zelensky, KilledOrWounded, Qualifier.Exact, 3000, asOf: new(2024, 12, 16));

        Assert.Empty(Detector.Detect(CasualtyFamily, [early, late]));
    }

    [Fact]
    public void Detect_SameSourceTotalFallsLater_FlagsTrendReversal()
    {
        var april = Figure(Zelensky, KilledOrWounded, Qualifier.Exact, 4700, asOf: new(2025, 4, 20));
        var june = Figure(Zelensky, KilledOrWounded, Qualifier.Approximately, 1100, asOf: new(2025, 6, 1), report: 2);

        var conflict = Assert.Single(Detector.Detect(CasualtyFamily, [april, june]));

        Assert.Equal(ConflictKind.TrendReversal, conflict.Kind);
        Assert.Contains("falls", conflict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_PartsThatSumToMoreThanThreeThousand_FlagsNothing()
    {
        var killed = Figure(Nis, Killed, Qualifier.Exact, 300, report: 3);
        var wounded = Figure(Nis, Wounded, Qualifier.Exact, 2700, report: 3);
        var whole = Figure(Zelensky, KilledOrWounded, Qualifier.MoreThan, 3000, report: 5);

        Assert.Empty(Detector.Detect(CasualtyFamily, [killed, wounded, whole]));
    }

    [Fact]
    public void Detect_PartsFarAboveAStatedWhole_DisputeWithTheSumAsOnePosition()
    {
        var killed = Figure(Nis, Killed, Qualifier.Exact, 300, report: 3);
        var wounded = Figure(Nis, Wounded, Qualifier.Exact, 2700, report: 3);
        var whole = Figure(Official, KilledOrWounded, Qualifier.Approximately, 200, report: 3);

        var conflict = Assert.Single(Detector.Detect(CasualtyFamily, [killed, wounded, whole]));

        Assert.Equal(ConflictKind.ValueDisagreement, conflict.Kind);
        Assert.Equal(3, conflict.Members.Count);
        var sum = conflict.PositionOf(killed.FigureId);
        Assert.True(sum.IsSumOfParts);
        Assert.Same(sum, conflict.PositionOf(wounded.FigureId));
        Assert.Equal(3000, sum.Interval.Low);
        Assert.Contains("“300” + “2,700”", conflict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_OnePartAloneAboveTheWhole_IsADispute()
    {
        var killed = Figure(Nis, Killed, Qualifier.Exact, 300, report: 3);
        var whole = Figure(Official, KilledOrWounded, Qualifier.Approximately, 200, report: 4);

        Assert.Equal(ConflictKind.ValueDisagreement, Assert.Single(Detector.Detect(CasualtyFamily, [killed, whole])).Kind);
    }

    [Fact]
    public void Detect_SourceCarriedAsTotalByOneOutletAndAsWeeklyCountByAnother_FlagsReportingDiscrepancy()
    {
        var total = Figure(Blinken, KilledOrWounded, Qualifier.Approximately, 1000, asOf: EndOfDecember, report: 1);
        var week = Figure(Blinken, KilledOrWounded, Qualifier.MoreThan, 1000, period: (new(2024, 12, 25), EndOfDecember), report: 2);

        var conflict = Assert.Single(Detector.Detect(CasualtyFamily, [total, week]));

        Assert.Equal(ConflictKind.ReportingDiscrepancy, conflict.Kind);
        Assert.Equal(new DetectionOptions().FramingSeverity, conflict.Severity);
        Assert.Contains("carried differently", conflict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_SameFigureRepeatedByTwoOutlets_IsCorroborationNotConflict()
    {
        var first = Figure(Nis, CaptureDate, Qualifier.Exact, new DateOnly(2025, 1, 9).DayNumber, report: 4);
        var second = Figure(Nis, CaptureDate, Qualifier.Exact, new DateOnly(2025, 1, 9).DayNumber, report: 5);

        Assert.Empty(Detector.Detect([CaptureDateMetric], [first, second]));
        var group = Assert.Single(Corroboration.Find([first, second]));
        Assert.Equal(2, group.ReportCount);
    }

    [Fact]
    public void Detect_CaptureOnFifthAgainstNinth_FlagsDateDisagreement()
    {
        var fifth = Figure(Official, CaptureDate, Qualifier.Exact, new DateOnly(2025, 1, 5).DayNumber, published: new(2025, 3, 1));
        var ninth = Figure(Sbu, CaptureDate, Qualifier.Exact, new DateOnly(2025, 1, 9).DayNumber);

        var conflict = Assert.Single(Detector.Detect([CaptureDateMetric], [fifth, ninth]));

        Assert.Equal(ConflictKind.DateDisagreement, conflict.Kind);
        Assert.Equal(Math.Round(4d / 30d, 3), conflict.Severity);
        Assert.Contains("2025-01-05", conflict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_PeriodFiguresOfDifferentWeeks_AreNotCompared()
    {
        var first = Figure(Blinken, WeeklyLosses, Qualifier.Exact, 100, period: (new(2024, 12, 1), new(2024, 12, 7)));
        var second = Figure(Zelensky, WeeklyLosses, Qualifier.Exact, 500, period: (new(2024, 12, 8), new(2024, 12, 14)));
        var sameWeek = Figure(Official, WeeklyLosses, Qualifier.Exact, 900, period: (new(2024, 12, 8), new(2024, 12, 14)));

        var conflict = Assert.Single(Detector.Detect([WeeklyLossesMetric], [first, second, sameWeek]));

        Assert.Equal([second.FigureId, sameWeek.FigureId], conflict.Members.Select(m => m.FigureId).Order());
    }

    [Fact]
    public void Detect_DismissedPair_IsNotFlaggedAgain()
    {
        var a = Figure(Blinken, KilledOrWounded, Qualifier.Approximately, 1000);
        var b = Figure(Zelensky, KilledOrWounded, Qualifier.MoreThan, 3000);

        Assert.Empty(Detector.Detect(CasualtyFamily, [a, b], new HashSet<FigurePair> { new(b.FigureId, a.FigureId) }));
        Assert.Single(Detector.Detect(CasualtyFamily, [a, b]));
    }

    [Fact]
    public void Detect_FigureJoinsExistingDisagreement_KeepsTheSignature()
    {
        var a = Figure(Blinken, KilledOrWounded, Qualifier.Approximately, 1000);
        var b = Figure(Zelensky, KilledOrWounded, Qualifier.MoreThan, 3000);
        var before = Assert.Single(Detector.Detect(CasualtyFamily, [a, b]));
        var c = Figure(Zelensky, KilledOrWounded, Qualifier.UpTo, 4000, report: 7);

        var after = Assert.Single(Detector.Detect(CasualtyFamily, [c, b, a]));

        Assert.Equal(before.Signature, after.Signature);
        Assert.Equal(3, after.Members.Count);
    }

    [Fact]
    public void Detect_RunTwice_GivesTheSameConflicts()
    {
        var figures = new[]
        {
            Figure(Blinken, KilledOrWounded, Qualifier.Approximately, 1000),
            Figure(Zelensky, KilledOrWounded, Qualifier.MoreThan, 3000),
            Figure(Official, KilledOrWounded, Qualifier.Approximately, 200),
            Figure(Nis, Killed, Qualifier.Exact, 300, report: 3),
            Figure(Nis, Wounded, Qualifier.Exact, 2700, report: 3),
        };

        var first = Detector.Detect(CasualtyFamily, figures);
        var second = Detector.Detect(CasualtyFamily, figures.Reverse().ToArray());

        Assert.Equal(first.Select(c => (c.Signature, c.Severity, c.Explanation)), second.Select(c => (c.Signature, c.Severity, c.Explanation)));
        Assert.Equal(first.Count, first.Select(c => c.Signature).Distinct().Count());
    }

    [Fact]
    public void MetricFamilies_PartsAndWhole_AreOneFamilyApartFromOthers()
    {
        var families = new MetricFamilies([KilledMetric, TroopsMetric, KilledOrWoundedMetric, WoundedMetric]);

        Assert.Equal(families.FamilyOf(Killed), families.FamilyOf(KilledOrWounded));
        Assert.Equal(families.FamilyOf(Wounded), families.FamilyOf(KilledOrWounded));
        Assert.NotEqual(families.FamilyOf(Troops), families.FamilyOf(Killed));
        Assert.Equal([KilledOrWounded, Killed, Wounded], families.MetricIdsOfFamiliesOf([Wounded]).Order());
    }

    [Fact]
    public void Fingerprint_ChangesWithTheValue_NotWithTheScaleOfTheDecimal()
    {
        var figure = Figure(Blinken, KilledOrWounded, Qualifier.Exact, 1000);
        var rescaled = figure with { Interval = new ValueInterval(1000.00m, 1000.0m, 1000.000m) };
        var changed = figure with { Interval = ValueInterval.Exactly(1001) };

        Assert.Equal(figure.Fingerprint, rescaled.Fingerprint);
        Assert.NotEqual(figure.Fingerprint, changed.Fingerprint);
    }
}
