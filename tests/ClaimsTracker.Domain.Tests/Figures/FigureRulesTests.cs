using System.Globalization;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Metrics;

namespace ClaimsTracker.Domain.Tests.Figures;

public class FigureRulesTests
{
    private static readonly NormalisationOptions Options = new();
    private static readonly Metric Killed = new() { Id = 7, Key = "killed", Name = "Killed", Kind = FigureKind.Count, Unit = "people" };
    private static readonly Metric CaptureDate = new() { Id = 8, Key = "capture-date", Name = "Capture date", Kind = FigureKind.Date };

    private static FigureValue About(decimal value) => new() { AsWritten = $"about {value}", Qualifier = Qualifier.Approximately, Value = value };

    [Fact]
    public void Create_ApproximateCount_TakesKindAndUnitFromMetricAndWidensInterval()
    {
        var figure = Figure.Create(Killed, About(1000) with { Scope = "  Kursk region " }, Options).Value;

        Assert.Equal((FigureKind.Count, "people", 7, "Kursk region"), (figure.Kind, figure.Unit, figure.MetricId, figure.Scope));
        Assert.Equal(new ValueInterval(900, 1000, 1100), figure.Interval);
    }

    [Theory]
    [InlineData("Kursk region")]
    [InlineData("  Kursk Region, ")]
    [InlineData("KURSK – région")]
    public void Create_ScopeSpelledAnyWay_KeyIsItsNameKey(string scope)
    {
        var figure = Figure.Create(Killed, About(1000) with { Scope = scope }, Options).Value;

        Assert.Equal("kursk region", figure.ScopeKey);
    }

    [Fact]
    public void Scope_SetAgain_KeyFollows()
    {
        var figure = Figure.Create(Killed, About(1000) with { Scope = "Kursk region" }, Options).Value;

        figure.Scope = "Belgorod Oblast'";

        Assert.Equal("belgorod oblast", figure.ScopeKey);
    }

    [Fact]
    public void Create_DateMetric_IsTheDayExactly()
    {
        var day = new DateOnly(2025, 1, 9);

        var figure = Figure.Create(CaptureDate, new FigureValue { AsWritten = "January 9", Day = day }, Options).Value;

        Assert.Equal(ValueInterval.Exactly(day.DayNumber), figure.Interval);
    }

    [Theory]
    [InlineData(-5, null, Qualifier.Exact, "Value")]
    [InlineData(10, 5, Qualifier.Range, "Value")]
    [InlineData(10, null, Qualifier.Range, "Value")]
    [InlineData(10, null, (Qualifier)99, "Qualifier")]
    public void Create_BrokenNumberRule_IsRefusedOnItsField(int value, int? high, Qualifier qualifier, string field)
    {
        var result = Figure.Create(Killed, new FigureValue { AsWritten = "x", Qualifier = qualifier, Value = value, ValueHigh = high }, Options);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(field, result.Errors.Keys);
    }

    [Fact]
    public void Create_NumberTooLargeForItsQualifier_IsRefusedNotThrown()
    {
        var result = Figure.Create(Killed, About(decimal.MaxValue), Options);

        Assert.Contains("too large", Assert.Single(result.Errors["Value"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MissingWordsValueOrDay_NamesEachField()
    {
        Assert.Contains("AsWritten", Figure.Create(Killed, About(5) with { AsWritten = " " }, Options).Errors.Keys);
        Assert.Contains("Value", Figure.Create(Killed, new FigureValue { AsWritten = "some" }, Options).Errors.Keys);
        Assert.Contains("Date", Figure.Create(CaptureDate, new FigureValue { AsWritten = "that day" }, Options).Errors.Keys);
        Assert.Contains("Scope", Figure.Create(Killed, About(5) with { Scope = new string('s', Limits.Scope + 1) }, Options).Errors.Keys);
    }

    [Theory]
    [InlineData(TimeReferenceKind.AsOf, null, null)]
    [InlineData(TimeReferenceKind.Period, "2025-01-10", "2025-01-01")]
    [InlineData(TimeReferenceKind.Period, null, "2025-01-01")]
    public void Create_IncompleteOrBackwardTime_IsRefused(TimeReferenceKind kind, string? start, string? end)
    {
        var value = About(5) with { TimeKind = kind, TimeStart = start is null ? null : DateOnly.Parse(start, CultureInfo.InvariantCulture), TimeEnd = end is null ? null : DateOnly.Parse(end, CultureInfo.InvariantCulture) };

        Assert.Contains("Time", Figure.Create(Killed, value, Options).Errors.Keys);
    }

    [Fact]
    public void Update_Refused_LeavesTheFigureAsItWas()
    {
        var figure = Figure.Create(Killed, About(1000), Options).Value;

        var result = figure.Update(Killed, About(-1), Options);

        Assert.False(result.IsSuccess);
        Assert.Equal((1000m, "about 1000"), (figure.Best!.Value, figure.AsWritten));
    }

    [Fact]
    public void Update_Period_StoresTheResolvedTime()
    {
        var figure = Figure.Create(Killed, About(10), Options).Value;
        var value = About(12) with { TimeKind = TimeReferenceKind.Period, TimeStart = new DateOnly(2024, 12, 25), TimeEnd = new DateOnly(2024, 12, 31), TimeAsWritten = "last week" };

        Assert.True(figure.Update(Killed, value, Options).IsSuccess);

        Assert.Equal(TimeReference.Period(new DateOnly(2024, 12, 25), new DateOnly(2024, 12, 31), "last week"), figure.Time);
    }

    [Fact]
    public void SetRank_LongReason_IsCutToTheColumnAndANormalRankHasNoReason()
    {
        var figure = Figure.Create(Killed, About(10), Options).Value;

        figure.SetRank(FigureRank.Deprecated, " " + new string('r', Limits.Rationale + 10));
        var deprecated = (figure.Rank, figure.RankReason!.Length);
        figure.SetRank(FigureRank.Normal, "ignored");

        Assert.Equal((FigureRank.Deprecated, Limits.Rationale), deprecated);
        Assert.Equal((FigureRank.Normal, (string?)null), (figure.Rank, figure.RankReason));
    }
}
