using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Tests.Extraction;

/// <summary>What a figure is in a sentence: numbers that name, order or time things are left out; relative days are counted.</summary>
public class FigurePrecisionTests
{
    private static readonly DateOnly Published = new(2025, 10, 30); // a Thursday

    [Theory]
    [InlineData("She set a national record in the 200m final.")]
    [InlineData("Only a few of them came back.")]
    [InlineData("The ministry shared several photographs of the damage.")]
    [InlineData("The method is set out in Figure 4 and Table 1.")]
    [InlineData("Traffic on Interstate 80 was halted.")]
    [InlineData("Protesters gathered outside 10 Downing Street.")]
    [InlineData("Most three-year-olds in the district attend nursery.")]
    [InlineData("The ferry left at 7.45am.")]
    [InlineData("Revenue grew in the second quarter.")]
    [InlineData("He was charged under the 1883 Explosive Substances Act.")]
    [InlineData("The yield fell to its weakest in 19 months.")]
    [InlineData("Farmers face the worst dry spell in at least a decade.")]
    [InlineData("The town held its eighth by-election in four years.")]
    [InlineData("Orders rose for the first time in three months.")]
    [InlineData("Marta Ruiz reached the last eight at the Lisbon Open.")]
    [InlineData("She won the opening set 6-4, then the second 7-5.")]
    [InlineData("The rookie has worn the 23 jersey since March.")]
    [InlineData("Orders for the Hyundai EV.6 opened.")]
    [InlineData("Pupils in grade four sat the test.")]
    [InlineData("The crowd cheered the goalkeeper, Ana Sousa, 34.")]
    [InlineData("The suspects, aged between 19 and 46, appeared in court.")]
    [InlineData("The youngest was 15.")]
    [InlineData("The losses could be two or three times higher.")]
    [InlineData("The FTSE 250 retailer issued a warning.")]
    [InlineData("A neighbour made a 999 call.")]
    [InlineData("Bus firms must meet the zero-emission target.")]
    [InlineData("Okafor shot a closing 64 to finish nine under par, three shots clear of the field.")]
    [InlineData("Ruiz made an unbeaten 96 as the hosts chased down 241 with 20 balls to spare.")]
    [InlineData("She won the final in 2:09:51 and set a best of 1:58.04.")]
    [InlineData("The region aims for net zero by the middle of the century.")]
    [InlineData("Rates on a 15-year fixed mortgage eased.")]
    [InlineData("The Saturday magazine is to close.")]
    [InlineData("Shoppers queued for hours on Black Friday.")]
    [InlineData("OSLO, May 12 (Fjord Wire) - Markets were closed.")]
    [InlineData("MOMBASA, Kenya, 3 June — Dockers walked out.")]
    public void NonFigures_AreSkipped(string sentence) =>
        Assert.Empty(Figures(sentence));

    [Theory]
    [InlineData("He was jailed for four and a half years.", "four and a half years", 1_642.5)]
    [InlineData("Hail stones between 2cm and 8cm fell on the town.", "between 2cm and 8cm", 2)]
    [InlineData("The fall lasted three seconds.", "three seconds", 0.0000347222)]
    public void HalvesAndMeasuredRanges_AreOneFigure(string sentence, string text, decimal value)
    {
        var figure = Assert.Single(Figures(sentence)).Figure;

        Assert.Equal((text, value), (figure.Text, figure.Value));
    }

    [Fact]
    public void TheBaseOfARate_IsNoFigure_TheRateIs()
    {
        var figure = Assert.Single(Figures("Deaths reached 27 per 100,000 residents.")).Figure;

        Assert.Equal(27m, figure.Value);
    }

    [Fact]
    public void ACeilingWrittenOnce_CoversTheFigureJoinedToIt_ButNotANewClause()
    {
        var shared = Figures("Lenders can be fined up to €20 million or 4% of turnover.");
        var apart = Figures("Up to 30 people were hurt and 9 died.");

        Assert.All(shared, f => Assert.Equal(Qualifier.UpTo, f.Figure.Qualifier));
        Assert.Equal(Qualifier.Exact, Assert.Single(apart, f => f.Figure.Value == 9).Figure.Qualifier);
    }

    [Theory]
    [InlineData("The repairs will cost somewhere near $6 million.", Qualifier.Approximately)]
    [InlineData("More or less 250 people attended.", Qualifier.Approximately)]
    [InlineData("Upward of 4,000 people fled.", Qualifier.MoreThan)]
    [InlineData("The stolen jewels have an estimated value of €4 million.", Qualifier.Approximately)]
    public void PlainSpokenHedges_AreRead(string sentence, Qualifier qualifier) =>
        Assert.Equal(qualifier, Assert.Single(Figures(sentence)).Figure.Qualifier);

    [Theory]
    [InlineData("Negotiations resume Friday, the union said.", 2025, 10, 31)]
    [InlineData("The shares begin trading in Frankfurt on Tuesday.", 2025, 11, 4)]
    [InlineData("The union said on Tuesday that talks had broken down.", 2025, 10, 28)]
    public void APresentTenseSchedule_LooksAhead_ButWhatWasSaidLooksBack(string sentence, int year, int month, int day)
    {
        var date = Assert.Single(Figures(sentence), f => f.Figure.Kind == FigureKind.Date);

        Assert.Equal(new DateOnly(year, month, day), date.Date);
    }

    [Theory]
    [InlineData("Some 3.1 million people, about half the population, need aid.", "about half", Qualifier.Approximately)]
    [InlineData("The catch was less than half the usual haul.", "less than half", Qualifier.LessThan)]
    [InlineData("Bookings have fallen by half since March.", "half", Qualifier.Exact)]
    public void HalfWithAHedgeOrBy_IsAShare(string sentence, string text, Qualifier qualifier)
    {
        var share = Assert.Single(Figures(sentence), f => f.Figure.Kind == FigureKind.Percentage).Figure;

        Assert.Equal((text, 50m, qualifier), (share.Text, share.Value, share.Qualifier));
    }

    [Fact]
    public void HalfWithoutAHedge_IsNoShare() =>
        Assert.DoesNotContain(Figures("The talks lasted an hour and a half."), f => f.Figure.Kind == FigureKind.Percentage);

    [Fact]
    public void AsLongAs_IsACeilingReached()
    {
        var figure = Assert.Single(Figures("Patients waited as long as 19 hours in the corridor.")).Figure;

        Assert.Equal(Qualifier.UpTo, figure.Qualifier);
    }

    [Fact]
    public void AMarginOfError_IsNoNumberBelowZero()
    {
        var figure = Assert.Single(Figures("The margin of error is plus or minus 2.8 percentage points.")).Figure;

        Assert.Equal(("2.8 percentage points", 2.8m), (figure.Text, figure.Value));
    }

    [Fact]
    public void SharesAfterFrom_AreAChange_NotARange()
    {
        var figures = Figures("The council will lift parking charges for visitors from 30% to 45% next year.");

        Assert.Equal([30m, 45m], figures.Where(f => f.Figure.Kind == FigureKind.Percentage).Select(f => f.Figure.Value));
    }

    [Fact]
    public void ADatelineDay_IsNoFigure_ButADayInTheStoryIs()
    {
        var figures = Figures("OSLO, May 12 (Fjord Wire) - Ferries stopped on Monday.");

        Assert.Equal("Monday", Assert.Single(figures).Figure.Text);
    }

    [Theory]
    [InlineData("The state radio, citing two regional officials, said 14 villages were cut off.", "14")]
    [InlineData("Three doctors at the clinic said 40 patients had been treated.", "40")]
    [InlineData("Two men were arrested near the depot.", "Two")]
    [InlineData("Passengers waited for six hours at the border.", "six hours")]
    [InlineData("The stoppage lasted 19 months.", "19 months")]
    [InlineData("The final four hostages were released on Monday.", "four")]
    public void NumbersThatCountTheSpeakers_AreSkipped_ClaimsStay(string sentence, string only) =>
        Assert.Equal([only], Figures(sentence).Where(f => f.Figure.Kind != FigureKind.Date).Select(f => f.Figure.Text));

    [Fact]
    public void NineteenthCenturyYear_AfterSince_IsAYear()
    {
        var figures = Figures("Average sea level has risen about 23 cm since 1880.");

        Assert.Collection(
            figures,
            f => Assert.Equal(("about 23 cm", "cm"), (f.Figure.Text, f.Figure.Unit)),
            f => Assert.Equal(("1880", FigureKind.Year), (f.Figure.Text, f.Figure.Kind)));
    }

    [Fact]
    public void MeasuredAmount_OfSomething_IsNoPartOfAGroup()
    {
        var figure = Assert.Single(Figures("Each capsule holds 250 mg of the compound."));

        Assert.Equal(("250 mg", "mg"), (figure.Figure.Text, figure.Figure.Unit));
        Assert.Null(figure.Incidental);
    }

    [Theory]
    [InlineData("Roads were still shut on Tuesday, three days after the landslide hit.", "three days after", "2025-10-25")]
    [InlineData("The dam was breached on Monday and repaired two days later.", "two days later", "2025-10-29")]
    [InlineData("The vote took place on Sunday, a week before the deadline.", "a week before", "2025-11-02")]
    public void RelativeDay_IsCountedFromTheDayNamedBefore(string sentence, string text, string date)
    {
        var figure = Assert.Single(Figures(sentence), f => f.Figure.Text == text);

        Assert.Equal(FigureKind.Date, figure.Figure.Kind);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), figure.Date);
    }

    [Fact]
    public void RelativeDay_WithoutADayToCountFrom_IsADuration()
    {
        var figure = Assert.Single(Figures("They were held for two weeks before being freed."));

        Assert.Equal((FigureKind.Duration, 14m), (figure.Figure.Kind, figure.Figure.Value));
    }

    [Fact]
    public void PossessiveWeekday_IsThePastDay_EvenAfterFrom()
    {
        var figure = Assert.Single(Figures("The toll from Monday's blast rose to 14."), f => f.Figure.Kind == FigureKind.Date);

        Assert.Equal(new DateOnly(2025, 10, 27), figure.Date);
    }

    [Theory]
    [InlineData("The ship was towed into port today.", "today", "2025-10-30")]
    public void Today_IsThePublicationDay(string sentence, string text, string date)
    {
        var figure = Assert.Single(Figures(sentence));

        Assert.Equal((FigureKind.Date, text), (figure.Figure.Kind, figure.Figure.Text));
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), figure.Date);
    }

    [Theory]
    [InlineData("If the vote were held today, 41% would back the mayor.")]
    [InlineData("She told the Britain Today show that 41% backed the mayor.")]
    public void Today_InAConditionOrAName_IsNoDate(string sentence) =>
        Assert.DoesNotContain(Figures(sentence), f => f.Figure.Kind == FigureKind.Date);

    [Theory]
    [InlineData("2025-09-10", "The agency will finish the dykes by November.", "2025-11-30")]
    [InlineData("2025-12-03", "The airline plans 20 extra flights before the end of February.", "2026-02-28")]
    [InlineData("2025-12-03", "The airline said 20 extra flights ran in February.", "2025-02-28")]
    public void MonthWithoutYear_IsReadForwardOrBackByTense(string published, string sentence, string end)
    {
        var day = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture);

        var time = Assert.Single(TimePhraseFinder.Find(sentence, day)).Time;

        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), time.End);
    }

    private static List<FigureProposal> Figures(string text) =>
        AttributionTests.Propose(text, Published).SelectMany(c => c.Figures).ToList();
}

/// <summary>A number after a possessive names a group the reader knows ("the region's 14 districts"), unless the possessor is a day.</summary>
public class PossessiveGroupTests
{
    [Theory]
    [InlineData("Vaccination will start in three of the region's 14 districts, the governor said.", "14")]
    [InlineData("Observers visited 300 of the country's 1,450 polling stations, the mission said.", "1,450")]
    public void ANumberAfterAPossessive_IsAGroupAlreadyNamed(string sentence, string figureText) =>
        Assert.Equal("a group already named, not a count", Figure(sentence, figureText).Incidental);

    [Theory]
    [InlineData("Sunday's 31 deaths were the most in a single day, the ministry said.", "31")]
    [InlineData("Last year's 1,200 arrivals were a record, the coastguard said.", "1,200")]
    public void ANumberAfterADaysPossessive_IsAClaim(string sentence, string figureText) =>
        Assert.Null(Figure(sentence, figureText).Incidental);

    [Theory]
    [InlineData("A spokesperson said 23 patients had been admitted, among them six children.", "six")]
    [InlineData("The boat carried 40 people, of whom 12 were rescued by fishermen, the coastguard said.", "12")]
    public void ACountAfterAmongThem_IsAPartOfTheCountJustGiven(string sentence, string figureText) =>
        Assert.Equal("a part of a group counted elsewhere", Figure(sentence, figureText).Incidental);

    [Theory]
    [InlineData("The trust said 2,300 patients who had waited more than a year were still on its list.", "more than a year")]
    [InlineData("Patients waiting longer than 18 weeks numbered 9,000, the board said.", "longer than 18 weeks")]
    public void AWaitThatSaysWhoIsCounted_IsNoOnesWait(string sentence, string figureText) =>
        Assert.Equal("a threshold saying who is counted", Figure(sentence, figureText).Incidental);

    [Fact]
    public void AWaitStatedAsTheClaim_IsAFigure() =>
        Assert.Null(Figure("The median wait was 14 weeks, the board said.", "14 weeks").Incidental);

    [Fact]
    public void TheCountBeforeAmongThem_IsStillAClaim() =>
        Assert.Null(Figure("A spokesperson said 23 patients had been admitted, among them six children.", "23").Incidental);

    private static FigureProposal Figure(string sentence, string text) =>
        new ClaimExtractor().Propose(sentence, new ExtractionContext(new DateOnly(2026, 4, 2), [], [])).SelectMany(c => c.Figures).Single(f => f.Figure.Text == text);
}
