using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;

namespace ClaimsTracker.Domain.Tests.Figures.Normalisation;

/// <summary>
/// The at-most ceiling ("no more than", "within", "or fewer") and the hedges newsrooms write around a
/// number that the first vocabulary lacked (issue 10): each reaches the interval its words mean.
/// </summary>
public class CeilingAndHedgePhraseTests
{
    private readonly FigurePhraseParser parser = new();

    [Theory]
    [InlineData("The fund can lend no more than 2,500 per household.", "no more than 2,500", 2500)]
    [InlineData("Each crew works at most 12 shifts a month.", "at most 12", 12)]
    [InlineData("Entry is limited to a maximum of 400 visitors.", "a maximum of 400", 400)]
    [InlineData("Bonuses are capped at 15% of salary.", "capped at 15%", 15)]
    [InlineData("Loads not exceeding 40 tonnes may cross.", "not exceeding 40 tonnes", 40)]
    [InlineData("The inspectors must report within 14 days.", "within 14 days", 14)]
    [InlineData("Groups of 8 or fewer can book online.", "8 or fewer", 8)]
    public void CeilingPhrases_AreAtMost_WithNoFloor(string text, string written, decimal value)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, Qualifier.AtMost), (figure.Text, figure.Qualifier));
        Assert.Equal(new ValueInterval(null, value, value), figure.Interval);
    }

    [Fact]
    public void AnAtMostFigure_AgreesWithLowerOnes_AndNotWithHigherOnes()
    {
        var ceiling = Assert.Single(parser.FindAll("no more than 1,900")).Interval;

        Assert.True(ceiling.Overlaps(ValueInterval.Exactly(1200)));
        Assert.True(ceiling.Overlaps(ValueInterval.Exactly(1900)));
        Assert.False(ceiling.Overlaps(ValueInterval.Exactly(2600)));
        Assert.False(ceiling.Overlaps(Assert.Single(parser.FindAll("more than 2,000")).Interval));
    }

    [Theory]
    [InlineData("Fares went up by well over 20%.", "well over 20%", Qualifier.MoreThan)]
    [InlineData("Debris larger than 5cm is tracked.", "larger than 5cm", Qualifier.MoreThan)]
    [InlineData("Sales are expected to top $8 billion.", "top $8 billion", Qualifier.MoreThan)]
    [InlineData("Its turnover could pass €300m next year.", "pass €300m", Qualifier.MoreThan)]
    [InlineData("Households of 5 or more get a rebate.", "5 or more", Qualifier.AtLeast)]
    [InlineData("They walked a little under 30 km.", "a little under 30 km", Qualifier.Nearly)]
    [InlineData("The works took the best part of 6 years.", "the best part of 6 years", Qualifier.Nearly)]
    [InlineData("The bill came in the region of £40m.", "in the region of £40m", Qualifier.Approximately)]
    [InlineData("The real figure is nearer 9,000.", "nearer 9,000", Qualifier.Approximately)]
    public void HedgesAroundTheNumber_AreRead(string text, string written, Qualifier qualifier)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, qualifier), (figure.Text, figure.Qualifier));
    }

    [Fact]
    public void TheTopOfAList_IsNoHedge()
    {
        var figure = Assert.Single(parser.FindAll("She is ranked in the top 20 of the league."));

        Assert.Equal((Qualifier.Exact, 20m), (figure.Qualifier, figure.Value));
    }

    [Fact]
    public void HowCloseTwoThingsCame_IsNoCeiling()
    {
        var figure = Assert.Single(parser.FindAll("The tankers came within 300 metres of each other."));

        Assert.Equal((Qualifier.Exact, 300m, "m"), (figure.Qualifier, figure.Value, figure.Unit));
    }

    [Theory]
    [InlineData("The board wants to raise the fee from 30 to 45 euros.")]
    [InlineData("The fleet will grow from 12 to 20 ships by 2030.")]
    public void AChangeFromOneFigureToAnother_IsTwoFiguresNotARange(string text)
    {
        var figures = parser.FindAll(text);

        Assert.DoesNotContain(figures, f => f.Qualifier == Qualifier.Range);
        Assert.True(figures.Count >= 2);
    }

    [Fact]
    public void FromOneNumberToAnother_WithoutAChangeVerb_StaysARange()
    {
        var figure = Assert.Single(parser.FindAll("Tickets cost from 30 to 45 euros."));

        Assert.Equal((Qualifier.Range, 30m, 45m), (figure.Qualifier, figure.Value, figure.ValueHigh));
    }
}
