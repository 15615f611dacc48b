using System.Globalization;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;

namespace ClaimsTracker.Domain.Tests.Figures.Normalisation;

public class FigurePhraseParserTests
{
    private readonly FigurePhraseParser parser = new(new NormalisationOptions());

    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    private static decimal? N(string? value) => value is null ? null : D(value);

    [Theory]
    [InlineData("300")]
    [InlineData("two")]
    [InlineData("1,000")]
    public void Parse_BareNumber_IsExact(string phrase)
    {
        var figure = parser.Parse(phrase)!;

        Assert.Equal(Qualifier.Exact, figure.Qualifier);
        Assert.Equal(ValueInterval.Exactly(figure.Value), figure.Interval);
    }

    [Theory]
    [InlineData("about 1,000", Qualifier.Approximately)]
    [InlineData("About 1,000", Qualifier.Approximately)]
    [InlineData("approximately 1,000", Qualifier.Approximately)]
    [InlineData("roughly 1,000", Qualifier.Approximately)]
    [InlineData("around 1,000", Qualifier.Approximately)]
    [InlineData("some 1,000", Qualifier.Approximately)]
    [InlineData("an estimated 1,000", Qualifier.Approximately)]
    [InlineData("estimated 1,000", Qualifier.Approximately)]
    [InlineData("approx. 1,000", Qualifier.Approximately)]
    [InlineData("approx 1,000", Qualifier.Approximately)]
    [InlineData("circa 1,000", Qualifier.Approximately)]
    [InlineData("~1,000", Qualifier.Approximately)]
    [InlineData("~ 1,000", Qualifier.Approximately)]
    [InlineData("nearly 1,000", Qualifier.Nearly)]
    [InlineData("almost 1,000", Qualifier.Nearly)]
    [InlineData("close to 1,000", Qualifier.Nearly)]
    [InlineData("just under 1,000", Qualifier.Nearly)]
    [InlineData("just shy of 1,000", Qualifier.Nearly)]
    [InlineData("just below 1,000", Qualifier.Nearly)]
    [InlineData("up to 1,000", Qualifier.UpTo)]
    [InlineData("as many as 1,000", Qualifier.UpTo)]
    [InlineData("as much as 1,000", Qualifier.UpTo)]
    [InlineData("as high as 1,000", Qualifier.UpTo)]
    [InlineData("fewer than 1,000", Qualifier.LessThan)]
    [InlineData("less than 1,000", Qualifier.LessThan)]
    [InlineData("under 1,000", Qualifier.LessThan)]
    [InlineData("below 1,000", Qualifier.LessThan)]
    [InlineData("no more than 1,000", Qualifier.AtMost)]
    [InlineData("not more than 1,000", Qualifier.AtMost)]
    [InlineData("at most 1,000", Qualifier.AtMost)]
    [InlineData("at least 1,000", Qualifier.AtLeast)]
    [InlineData("no fewer than 1,000", Qualifier.AtLeast)]
    [InlineData("no less than 1,000", Qualifier.AtLeast)]
    [InlineData("not fewer than 1,000", Qualifier.AtLeast)]
    [InlineData("not less than 1,000", Qualifier.AtLeast)]
    [InlineData("a minimum of 1,000", Qualifier.AtLeast)]
    [InlineData("more than 1,000", Qualifier.MoreThan)]
    [InlineData("More Than 1,000", Qualifier.MoreThan)]
    [InlineData("over 1,000", Qualifier.MoreThan)]
    [InlineData("above 1,000", Qualifier.MoreThan)]
    [InlineData("in excess of 1,000", Qualifier.MoreThan)]
    [InlineData("upwards of 1,000", Qualifier.MoreThan)]
    [InlineData("exceeded 1,000", Qualifier.MoreThan)]
    [InlineData("exceeding 1,000", Qualifier.MoreThan)]
    [InlineData("exceeds 1,000", Qualifier.MoreThan)]
    [InlineData("passed 1,000", Qualifier.MoreThan)]
    [InlineData("surpassed 1,000", Qualifier.MoreThan)]
    [InlineData("topped 1,000", Qualifier.MoreThan)]
    public void Parse_QualifierWord_MapsToQualifier(string phrase, Qualifier expected)
    {
        var figure = parser.Parse(phrase)!;

        Assert.Equal(expected, figure.Qualifier);
        Assert.Equal(1_000m, figure.Value);
        Assert.Null(figure.ValueHigh);
        Assert.Equal(0, figure.Start);
        Assert.Equal(phrase.Length, figure.End);
    }

    [Theory]
    [InlineData("about 1,000", "900", "1000", "1100")]
    [InlineData("nearly 1,000", "900", "1000", "1000")]
    [InlineData("as many as 4,000", "3000", "4000", "4000")]
    [InlineData("fewer than 500", null, "500", "500")]
    [InlineData("at least 200", "200", "200", null)]
    [InlineData("more than 3,000", "3000", "3000", null)]
    [InlineData("approximately 200", "180", "200", "220")]
    [InlineData("some 11,000", "9900", "11000", "12100")]
    public void Parse_QualifiedNumber_UsesIntervalRules(string phrase, string? low, string best, string? high) =>
        Assert.Equal(new ValueInterval(N(low), D(best), N(high)), parser.Parse(phrase)!.Interval);

    [Theory]
    [InlineData("about 1.5 million", Qualifier.Approximately, "1500000")]
    [InlineData("more than a thousand", Qualifier.MoreThan, "1000")]
    [InlineData("nearly two hundred", Qualifier.Nearly, "200")]
    [InlineData("up to 11k", Qualifier.UpTo, "11000")]
    [InlineData("at least a dozen", Qualifier.AtLeast, "12")]
    [InlineData("fewer than twenty-five", Qualifier.LessThan, "25")]
    [InlineData("some half a million", Qualifier.Approximately, "500000")]
    public void Parse_QualifierWithWordsOrScale_ReadsBoth(string phrase, Qualifier qualifier, string value)
    {
        var figure = parser.Parse(phrase)!;

        Assert.Equal(qualifier, figure.Qualifier);
        Assert.Equal(D(value), figure.Value);
    }

    [Theory]
    [InlineData("between 10,000 and 12,000")]
    [InlineData("Between 10,000 and 12,000")]
    [InlineData("between 10,000 to 12,000")]
    [InlineData("10,000 to 12,000")]
    [InlineData("10,000-12,000")]
    [InlineData("10,000 - 12,000")]
    [InlineData("10,000–12,000")]
    [InlineData("from 10,000 to 12,000")]
    [InlineData("10-12 thousand")]
    [InlineData("10 to 12 thousand")]
    [InlineData("between 10 and 12 thousand")]
    [InlineData("10k-12k")]
    [InlineData("ten to twelve thousand")]
    [InlineData("about 10,000-12,000")]
    public void Parse_RangeForm_IsRangeWithBothEnds(string phrase)
    {
        var figure = parser.Parse(phrase)!;

        Assert.Equal(Qualifier.Range, figure.Qualifier);
        Assert.Equal(10_000m, figure.Value);
        Assert.Equal(12_000m, figure.ValueHigh);
        Assert.Equal(new ValueInterval(10_000m, 11_000m, 12_000m), figure.Interval);
        Assert.Equal(phrase.Length, figure.End);
    }

    [Fact]
    public void Parse_RangeWithScaleOnlyOnFirstEnd_DoesNotScaleUp()
    {
        var figure = parser.Parse("500 to 1 million")!;

        Assert.Equal(500m, figure.Value);
        Assert.Equal(1_000_000m, figure.ValueHigh);
    }

    [Fact]
    public void Parse_DescendingNumbers_IsNotARange()
    {
        var figure = parser.Parse("3-1")!;

        Assert.Equal(Qualifier.Exact, figure.Qualifier);
        Assert.Equal(3m, figure.Value);
    }

    [Theory]
    [InlineData("several", "3")]
    [InlineData("a few", "3")]
    [InlineData("tens of", "10")]
    [InlineData("dozens", "12")]
    [InlineData("dozens of", "12")]
    [InlineData("Dozens of soldiers", "12")]
    [InlineData("scores of", "20")]
    [InlineData("hundreds", "100")]
    [InlineData("hundreds of", "100")]
    [InlineData("thousands", "1000")]
    [InlineData("thousands of", "1000")]
    [InlineData("millions", "1000000")]
    [InlineData("several dozen", "36")]
    [InlineData("a few dozen", "36")]
    [InlineData("several hundred", "300")]
    [InlineData("a few hundred", "300")]
    [InlineData("several thousand", "3000")]
    [InlineData("a few thousand", "3000")]
    [InlineData("tens of thousands", "10000")]
    [InlineData("hundreds of thousands", "100000")]
    [InlineData("tens of millions", "10000000")]
    public void Parse_VagueAmount_IsFloorOpenAbove(string phrase, string floor)
    {
        var figure = parser.Parse(phrase)!;

        Assert.Equal(Qualifier.Vague, figure.Qualifier);
        Assert.Equal(D(floor), figure.Value);
        Assert.Equal(new ValueInterval(D(floor), D(floor), null), figure.Interval);
    }

    [Fact]
    public void Parse_VagueAmount_UsesConfiguredFloors()
    {
        var options = new NormalisationOptions { VagueFloors = { Dozens = 24, Several = 5 } };
        var configured = new FigurePhraseParser(options);

        Assert.Equal(24m, configured.Parse("dozens of")!.Value);
        Assert.Equal(500m, configured.Parse("several hundred")!.Value);
    }

    [Theory]
    [InlineData("more than several hundred", Qualifier.Vague, "300", null)]
    [InlineData("some dozens", Qualifier.Vague, "12", null)]
    [InlineData("fewer than a few hundred", Qualifier.LessThan, null, "300")]
    [InlineData("up to several thousand", Qualifier.UpTo, "2250", "3000")]
    public void Parse_QualifiedVagueAmount_KeepsOnlyBoundingQualifiers(string phrase, Qualifier qualifier, string? low, string? high)
    {
        var figure = parser.Parse(phrase)!;

        Assert.Equal(qualifier, figure.Qualifier);
        Assert.Equal(N(low), figure.Interval.Low);
        Assert.Equal(N(high), figure.Interval.High);
    }

    [Theory]
    [InlineData("12%", FigureKind.Percentage, "%")]
    [InlineData("about 12 percent", FigureKind.Percentage, "%")]
    [InlineData("12 per cent", FigureKind.Percentage, "%")]
    [InlineData("$12", FigureKind.Money, "USD")]
    [InlineData("more than €12", FigureKind.Money, "EUR")]
    [InlineData("12 dollars", FigureKind.Money, "USD")]
    [InlineData("12 days", FigureKind.Duration, "days")]
    [InlineData("12 soldiers", FigureKind.Count, null)]
    public void Parse_UnitAfterOrBefore_SetsKindAndUnit(string phrase, FigureKind kind, string? unit)
    {
        var figure = parser.Parse(phrase)!;

        Assert.Equal(12m, figure.Value);
        Assert.Equal(kind, figure.Kind);
        Assert.Equal(unit, figure.Unit);
    }

    [Theory]
    [InlineData("two weeks", Qualifier.Exact, 14)]
    [InlineData("about a week", Qualifier.Approximately, 7)]
    [InlineData("just one week", Qualifier.Exact, 7)]
    [InlineData("a year", Qualifier.Exact, 365)]
    [InlineData("six months", Qualifier.Exact, 182.5)]
    [InlineData("48-hour", Qualifier.Exact, 2)]
    public void Parse_Duration_IsInDays(string phrase, Qualifier qualifier, double days)
    {
        var figure = parser.Parse(phrase)!;

        Assert.Equal((FigureKind.Duration, "days", qualifier), (figure.Kind, figure.Unit, figure.Qualifier));
        Assert.Equal((decimal)days, figure.Value);
    }

    [Fact]
    public void Parse_ArticleWithoutUnitOfTime_IsNoFigure()
    {
        Assert.Null(parser.Parse("a soldier"));
    }

    [Fact]
    public void Parse_MoneyWithScale_ReadsValueAndCurrency()
    {
        var figure = parser.Parse("$3.2bn")!;

        Assert.Equal(3_200_000_000m, figure.Value);
        Assert.Equal("USD", figure.Unit);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("heavy losses")]
    [InlineData("unknown")]
    [InlineData("the 84th brigade")]
    [InlineData("January 9")]
    [InlineData("about")]
    public void Parse_NoFigure_ReturnsNull(string? phrase) =>
        Assert.Null(parser.Parse(phrase));
}
