using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;

namespace ClaimsTracker.Domain.Tests.Figures.Normalisation;

public class FigurePhraseParserFindAllTests
{
    private readonly FigurePhraseParser parser = new();

    [Fact]
    public void FindAll_QualifiedCount_ReturnsSpanCoveringQualifier()
    {
        const string text = "Blinken said about 1,000 North Korean troops had been killed or wounded";

        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal("about 1,000", text[figure.Start..figure.End]);
        Assert.Equal("about 1,000", figure.Text);
        Assert.Equal(Qualifier.Approximately, figure.Qualifier);
        Assert.Equal(new ValueInterval(900m, 1_000m, 1_100m), figure.Interval);
    }

    [Fact]
    public void FindAll_TwoCountsJoinedByAnd_ReturnsBothNotARange()
    {
        const string text = "300 soldiers killed and 2,700 wounded";

        var figures = parser.FindAll(text);

        Assert.Collection(
            figures,
            f => Assert.Equal((Qualifier.Exact, 300m, "300"), (f.Qualifier, f.Value, f.Text)),
            f => Assert.Equal((Qualifier.Exact, 2_700m, "2,700"), (f.Qualifier, f.Value, f.Text)));
    }

    [Fact]
    public void FindAll_ReportSentenceWithDateAndOrdinal_SkipsThemAndKeepsCounts()
    {
        const string text = "On January 9 the 84th Tactical Group said it had lost nearly two hundred men, "
            + "while the regional governor put the toll at between 150 and 180 as of Jan. 12, 2025.";

        var figures = parser.FindAll(text);

        Assert.Collection(
            figures,
            f =>
            {
                Assert.Equal("nearly two hundred", f.Text);
                Assert.Equal(new ValueInterval(180m, 200m, 200m), f.Interval);
            },
            f =>
            {
                Assert.Equal("between 150 and 180", f.Text);
                Assert.Equal(Qualifier.Range, f.Qualifier);
                Assert.Equal(180m, f.ValueHigh);
            });
    }

    [Fact]
    public void FindAll_VagueAndYearAndDuration_AreFlaggedByKind()
    {
        const string text = "Since 2022 dozens of villages have been shelled; in the past 24 hours "
            + "more than a thousand people fled, and several hundred remain.";

        var figures = parser.FindAll(text);

        Assert.Collection(
            figures,
            f =>
            {
                Assert.Equal("2022", f.Text);
                Assert.True(f.LooksLikeYear);
            },
            f =>
            {
                Assert.Equal("dozens", f.Text);
                Assert.Equal((Qualifier.Vague, 12m), (f.Qualifier, f.Value));
            },
            f =>
            {
                Assert.Equal("24 hours", f.Text);
                Assert.Equal((FigureKind.Duration, "days", 1m), (f.Kind, f.Unit, f.Value));
            },
            f =>
            {
                Assert.Equal("more than a thousand", f.Text);
                Assert.Equal(new ValueInterval(1_000m, 1_000m, null), f.Interval);
                Assert.False(f.LooksLikeYear);
            },
            f => Assert.Equal(("several hundred", 300m), (f.Text, f.Value)));
    }

    [Fact]
    public void FindAll_DesignationsTimesAndPronounOne_AreSkipped()
    {
        const string text = "One of the F-16 jets returned at 10:30 after an 11th-hour change; "
            + "no one was hurt, officials said on 3 March, but one pilot and 12 technicians were questioned.";

        var figures = parser.FindAll(text);

        Assert.Collection(
            figures,
            f => Assert.Equal(("one", 1m), (f.Text, f.Value)),
            f => Assert.Equal(("12", 12m), (f.Text, f.Value)));
    }

    [Fact]
    public void FindAll_YearRangeAndYearAsCount_AreToldApart()
    {
        const string text = "From 2014 to 2022 the unit grew; by then 2000 recruits had joined, up to 40% of them volunteers.";

        var figures = parser.FindAll(text);

        Assert.Collection(
            figures,
            f =>
            {
                Assert.Equal((Qualifier.Range, 2014m, 2022m), (f.Qualifier, f.Value, f.ValueHigh));
                Assert.True(f.LooksLikeYear);
            },
            f =>
            {
                Assert.Equal(2000m, f.Value);
                Assert.Equal(FigureKind.Count, f.Kind);
            },
            f => Assert.Equal((Qualifier.UpTo, 40m, FigureKind.Percentage), (f.Qualifier, f.Value, f.Kind)));
    }

    [Fact]
    public void FindAll_MoneyAndScaledRange_ReadsUnitsAndScale()
    {
        const string text = "The package, worth $2.5 billion, would train 10-12 thousand troops over six months.";

        var figures = parser.FindAll(text);

        Assert.Collection(
            figures,
            f => Assert.Equal(("$2.5 billion", 2_500_000_000m, "USD", FigureKind.Money), (f.Text, f.Value, f.Unit, f.Kind)),
            f => Assert.Equal(("10-12 thousand", 10_000m, (decimal?)12_000m), (f.Text, f.Value, f.ValueHigh)),
            f => Assert.Equal(("six months", FigureKind.Duration), (f.Text, f.Kind)));
    }

    [Fact]
    public void FindAll_NumericDatesClockTimesAndMidYear_AreNotCounts()
    {
        const string text = "At 10 a.m. on 9/1/2025 and again at 14:30 on 2025-01-10, in mid-2024 terms, 40 shells fell.";

        var figures = parser.FindAll(text);

        Assert.Collection(
            figures,
            f => Assert.Equal(("2024", FigureKind.Year), (f.Text, f.Kind)),
            f => Assert.Equal(("40", FigureKind.Count), (f.Text, f.Kind)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("No figures were given.")]
    public void FindAll_NoFigures_ReturnsEmpty(string? text) =>
        Assert.Empty(parser.FindAll(text));
}
