using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;

namespace ClaimsTracker.Domain.Tests.Figures.Normalisation;

/// <summary>Quantities with units as science and technical prose writes them: one figure each, unit included.</summary>
public class MeasurementPhraseTests
{
    private readonly FigurePhraseParser parser = new();

    [Theory]
    [InlineData("Arsenic in the well water averaged 0.04 mg/L.", "0.04 mg/L", 0.04, "mg/L")]
    [InlineData("Soot levels hit 61 micrograms per cubic metre on the ring road.", "61 micrograms per cubic metre", 61, "µg/m3")]
    [InlineData("The strands are only 8 µm across.", "8 µm", 8, "µm")]
    [InlineData("The new cell stores 210 Wh/kg.", "210 Wh/kg", 210, "Wh/kg")]
    [InlineData("Glucose readings were 9.1 mmol/L after lunch.", "9.1 mmol/L", 9.1, "mmol/L")]
    [InlineData("The alloy has a density of 2.7 g/cm3.", "2.7 g/cm3", 2.7, "g/cm3")]
    [InlineData("Patients took 20 mg/kg twice daily.", "20 mg/kg", 20, "mg/kg")]
    [InlineData("The crater covers 14 km² of desert.", "14 km²", 14, "km2")]
    [InlineData("The chip's die measures 98 mm².", "98 mm²", 98, "mm2")]
    [InlineData("The reservoir holds 3.1 cubic kilometres.", "3.1 cubic kilometres", 3.1, "km3")]
    [InlineData("The quasar lies 9 billion light years away.", "9 billion light years", 9_000_000_000, "ly")]
    [InlineData("Tailwinds pushed the jet to 1,050 km/h.", "1,050 km/h", 1050, "km/h")]
    [InlineData("The heater draws 2,000 watts.", "2,000 watts", 2000, "W")]
    [InlineData("Pressure dropped by 15 mmHg.", "15 mmHg", 15, "mmHg")]
    [InlineData("The centrifuge spins at 12,000 rpm.", "12,000 rpm", 12000, "rpm")]
    [InlineData("Ice cover shrank by 37.2 gigatonnes.", "37.2 gigatonnes", 37.2, "Gt")]
    [InlineData("The kiln reached 1,250 degrees Celsius.", "1,250 degrees Celsius", 1250, "C")]
    [InlineData("The afternoon peaked at 38.4C.", "38.4C", 38.4, "C")]
    [InlineData("The seawall is 4.5m high.", "4.5m", 4.5, "m")]
    [InlineData("The shaft goes 300 m deep.", "300 m", 300, "m")]
    [InlineData("Work began on a 65-kilometre pipeline.", "65-kilometre", 65, "km")]
    [InlineData("The river carries 40 tonnes of silt a day.", "40 tonnes of silt a day", 40, "t/day")]
    [InlineData("The glacier front retreats 30 metres a year.", "30 metres a year", 30, "m/year")]
    [InlineData("Each volunteer gave 450 millilitres.", "450 millilitres", 450, "ml")]
    [InlineData("The drone flew 2.5 miles.", "2.5 miles", 2.5, "miles")]
    public void Measurement_IsOneFigureWithItsUnit(string text, string written, double value, string unit)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal(written, figure.Text);
        Assert.Equal((decimal)value, figure.Value);
        Assert.Equal(unit, figure.Unit);
        Assert.Equal(FigureKind.Count, figure.Kind);
    }

    [Theory]
    [InlineData("A magnitude 6.4 quake hit the island.", "magnitude 6.4", 6.4)]
    [InlineData("The region was shaken by a 5.2-magnitude tremor.", "5.2-magnitude", 5.2)]
    [InlineData("It was a 7.0 magnitude event.", "7.0 magnitude", 7.0)]
    [InlineData("The shock registered 4.9 on the Richter scale.", "4.9 on the Richter scale", 4.9)]
    public void Magnitude_IsAUnit(string text, string written, double value)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, (decimal)value, "magnitude"), (figure.Text, figure.Value, figure.Unit));
    }

    [Fact]
    public void PlusMinus_IsTheIntervalItSpans()
    {
        var figure = Assert.Single(parser.FindAll("The slab slipped 2.6 ± 0.3 m in the quake."));

        Assert.Equal("2.6 ± 0.3 m", figure.Text);
        Assert.Equal(Qualifier.Range, figure.Qualifier);
        Assert.Equal((2.3m, 2.9m, "m"), (figure.Value, figure.ValueHigh, figure.Unit));
        Assert.Equal(new ValueInterval(2.3m, 2.6m, 2.9m), figure.Interval);
    }

    [Theory]
    [InlineData("The broth reached 5.6 × 10^8 bacteria per millilitre.", "5.6 × 10^8 bacteria per millilitre", 560_000_000, "bacteria/mL")]
    [InlineData("Each gram held 2 x 10⁵ spores.", "2 x 10⁵", 200_000, null)]
    [InlineData("The tracer was diluted to 4 × 10^-3 of its strength.", "4 × 10^-3", 0.004, null)]
    public void ScientificNotation_IsOneNumber(string text, string written, double value, string? unit)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, (decimal)value, unit), (figure.Text, figure.Value, figure.Unit));
    }

    [Theory]
    [InlineData("Readings ranged from 12 to 18 °C overnight.", "from 12 to 18 °C", 12, 18, "C")]
    [InlineData("The coating was 3–5 µm thick.", "3–5 µm", 3, 5, "µm")]
    [InlineData("Swells of between 4 and 6 metres battered the pier.", "between 4 and 6 metres", 4, 6, "m")]
    public void Range_SharesTheUnitWrittenOnce(string text, string written, double low, double high, string unit)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, Qualifier.Range, (decimal)low, (decimal?)(decimal)high, unit), (figure.Text, figure.Qualifier, figure.Value, figure.ValueHigh, figure.Unit));
    }

    [Theory]
    [InlineData("Filler made up 0.2–0.8 wt% of the resin.", "0.2–0.8 wt%", 0.2, "%")]
    [InlineData("Support for the party slipped 2.5 percentage points.", "2.5 percentage points", 2.5, "pp")]
    [InlineData("Roughly 35 per cent of the wells were dry.", "Roughly 35 per cent", 35, "%")]
    public void Shares_ArePercentages(string text, string written, double value, string unit)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, FigureKind.Percentage, (decimal)value, unit), (figure.Text, figure.Kind, figure.Value, figure.Unit));
    }

    [Theory]
    [InlineData("Two-thirds of the stations reported frost.", "Two-thirds", 66.7, Qualifier.Exact)]
    [InlineData("The drought cut yields by a quarter last year.", "a quarter", 25, Qualifier.Exact)]
    [InlineData("Almost a third of the nests failed.", "Almost a third", 33.3, Qualifier.Nearly)]
    [InlineData("Three-quarters of the samples were clean.", "Three-quarters", 75, Qualifier.Exact)]
    [InlineData("Roughly half of the households have a well.", "Roughly half", 50, Qualifier.Approximately)]
    [InlineData("One in four nurses plans to leave.", "One in four", 25, Qualifier.Exact)]
    [InlineData("About 7 in 10 voters backed the levy.", "About 7 in 10", 70, Qualifier.Approximately)]
    [InlineData("Nine out of every 100 trees were infected.", "Nine out of every 100", 9, Qualifier.Exact)]
    public void Fractions_AreSharesInPerCent(string text, string written, double value, Qualifier qualifier)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, FigureKind.Percentage, (decimal)value, qualifier), (figure.Text, figure.Kind, figure.Value, figure.Qualifier));
    }

    [Theory]
    [InlineData("Revenue fell in the third quarter.")]
    [InlineData("Output in the first half of the year was flat.")]
    [InlineData("She won a third term in office.")]
    [InlineData("The team lost 2 in 2023.")]
    [InlineData("The talks lasted an hour and a half.")]
    [InlineData("Police made 3 arrests in 10 days.")]
    [InlineData("Two in 10 days is too many, the mayor said.")]
    public void Ordinals_AndHalvesOfTime_AreNoShares(string text) =>
        Assert.DoesNotContain(parser.FindAll(text), f => f.Kind == FigureKind.Percentage);

    [Theory]
    [InlineData("Complaints rose fivefold after the change.", "fivefold", 5, Qualifier.Exact)]
    [InlineData("The trial saw a 12-fold drop in relapses.", "12-fold", 12, Qualifier.Exact)]
    [InlineData("Prices climbed more than twofold.", "more than twofold", 2, Qualifier.MoreThan)]
    public void Folds_AreMultiples(string text, string written, double value, Qualifier qualifier)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, (decimal)value, qualifier, "fold"), (figure.Text, figure.Value, figure.Qualifier, figure.Unit));
    }

    [Theory]
    [InlineData("The thermometer showed minus 31 degrees Celsius.", "minus 31 degrees Celsius", -31, "C")]
    [InlineData("Lows of -8C are forecast.", "-8C", -8, "C")]
    public void BelowZero_IsNegative(string text, string written, double value, string unit)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, (decimal)value, unit), (figure.Text, figure.Value, figure.Unit));
        Assert.Equal(ValueInterval.Exactly((decimal)value), figure.Interval);
    }

    [Theory]
    [InlineData("The bridge sagged nearly a metre.", "nearly a metre", 1, "m", Qualifier.Nearly)]
    [InlineData("Repairs could take up to a decade.", "up to a decade", 3650, "days", Qualifier.UpTo)]
    public void Article_StandsForOne_AfterAHedge(string text, string written, double value, string unit, Qualifier qualifier)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, (decimal)value, unit, qualifier), (figure.Text, figure.Value, figure.Unit, figure.Qualifier));
    }

    [Theory]
    [InlineData("Deaths were in the low hundreds.", "low hundreds", 100)]
    [InlineData("Damage ran into the high thousands of homes.", "high thousands", 7_000)]
    public void PartOfAScale_IsAVagueAmountWithARaisedFloor(string text, string written, double floor)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, Qualifier.Vague, (decimal)floor), (figure.Text, figure.Qualifier, figure.Value));
        Assert.Equal(new ValueInterval((decimal)floor, (decimal)floor, null), figure.Interval);
    }

    [Theory]
    [InlineData("Relapse was <4% in both arms.", "<4%", Qualifier.LessThan, 4)]
    [InlineData("The trial enrolled >300 patients.", ">300", Qualifier.MoreThan, 300)]
    [InlineData("Wells held ≥ 12 mg/L of nitrate.", "≥ 12 mg/L", Qualifier.AtLeast, 12)]
    [InlineData("Readings stayed ≤ 0.5 ppm.", "≤ 0.5 ppm", Qualifier.AtMost, 0.5)]
    public void ComparisonSigns_AreQualifiers(string text, string written, Qualifier qualifier, double value)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, qualifier, (decimal)value), (figure.Text, figure.Qualifier, figure.Value));
    }

    [Theory]
    [InlineData("Cultures grew for 36 h before counting.", "36 h", 1.5)]
    [InlineData("The gel set within 90 min.", "within 90 min", 0.0625)]
    public void AbbreviatedHoursAndMinutes_AreDurations(string text, string written, double days)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, FigureKind.Duration, (decimal)days), (figure.Text, figure.Kind, figure.Value));
    }

    [Fact]
    public void Acidity_IsReadWithItsScale()
    {
        var figure = Assert.Single(parser.FindAll("The lake water had a pH of 5.8 last week."));

        Assert.Equal(("pH of 5.8", 5.8m, "pH"), (figure.Text, figure.Value, figure.Unit));
    }

    [Theory]
    [InlineData("The test kit costs under 80 US cents.", "under 80 US cents", 0.8, "USD")]
    [InlineData("Suppliers are owed 90 billion CFA francs.", "90 billion CFA francs", 90_000_000_000, "XOF")]
    public void Currency_SpelledAfterTheNumber(string text, string written, double value, string unit)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, FigureKind.Money, (decimal)value, unit), (figure.Text, figure.Kind, figure.Value, figure.Unit));
    }

    [Theory]
    [InlineData("Rent was ₦40,000 a year earlier.", "₦40,000", "NGN")]
    [InlineData("A driver earns RM1,800 a month after tax.", "RM1,800 a month", "MYR/month")]
    public void RatePeriod_IsNotWhen(string text, string written, string unit)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal((written, unit), (figure.Text, figure.Unit));
    }

    [Theory]
    [InlineData("Some 2.4m people live in the basin.", 2_400_000, null)]
    [InlineData("The fence is 2.4m tall.", 2.4, "m")]
    public void GluedM_IsMillionsOrMetres(string text, double value, string? unit)
    {
        var figure = Assert.Single(parser.FindAll(text));

        Assert.Equal(((decimal)value, unit), (figure.Value, figure.Unit));
    }
}

public class CurrencyByCountryTests
{
    [Theory]
    [InlineData("The line will cost 3.4 trillion shillings, the Tanzanian finance ministry said.", null, "TZS")]
    [InlineData("Fares rose to 2,500 shillings.", "KAMPALA — Uganda's transport regulator approved the rise on Monday.", "UGX")]
    [InlineData("The miner was fined 2.1 billion pesos.", "SANTIAGO — Chile's environment regulator fined the company.", "CLP")]
    [InlineData("A mill hand earns 32,000 rupees a month.", "KARACHI — Pakistani millers said on Friday.", "PKR/month")]
    [InlineData("The grant is 40 million pesos.", "Officials in Mexico and Colombia disagreed.", "MXN")]
    [InlineData("The club paid 12 million Australian dollars.", null, "AUD")]
    [InlineData("Ferry tickets rise by 40 crowns.", "OSLO — Norway's coastal ferries raised fares.", "NOK")]
    [InlineData("The fine was 300,000 riyals.", "DOHA — Qatar's market regulator fined a broker.", "QAR")]
    [InlineData("Diesel fell by 90 centavos on Tuesday.", "MANILA — Philippine oil firms cut prices.", "PHP")]
    public void CurrencyWord_IsReadByTheCountryOfTheReport(string sentence, string? document, string unit)
    {
        var finder = new ClaimsTracker.Domain.Extraction.FigureFinder(new FigurePhraseParser());

        var figure = Assert.Single(finder.Find(sentence, [], language: null, document: document ?? sentence)).Figure;

        Assert.Equal((FigureKind.Money, unit), (figure.Kind, figure.Unit));
    }
}

public class MoneyWordsTests
{
    private static readonly ClaimsTracker.Domain.Extraction.FigureFinder Finder = new(new FigurePhraseParser());

    [Theory]
    [InlineData("The state set aside Rs 12,000 crore for the dam.", "Rs 12,000 crore", 120_000_000_000, "INR")]
    [InlineData("Extra spending of ₹2.1 lakh crore was approved.", "₹2.1 lakh crore", 2_100_000_000_000, "INR")]
    [InlineData("Each family gets Rs 2.5 lakh under the scheme.", "Rs 2.5 lakh", 250_000, "INR")]
    [InlineData("The mill owes Rs 1,48,50,000 to growers.", "Rs 1,48,50,000", 14_850_000, "INR")]
    [InlineData("Quarterly profit reached NOK 1.2 billion.", "NOK 1.2 billion", 1_200_000_000, "NOK")]
    [InlineData("The grid upgrade costs 4.5 billion SEK.", "4.5 billion SEK", 4_500_000_000, "SEK")]
    [InlineData("Net income was 1.9 billion Norwegian crowns.", "1.9 billion Norwegian crowns", 1_900_000_000, "NOK")]
    [InlineData("The tram line will cost 2 billion zlotys.", "2 billion zlotys", 2_000_000_000, "PLN")]
    [InlineData("A stamp now costs 85 pence.", "85 pence", 0.85, "GBP")]
    [InlineData("Bread went up by 50 kobo.", "50 kobo", 0.5, "NGN")]
    public void MoneyWrittenWithCodesWordsAndIndianScales_IsReadAsWritten(string sentence, string written, double value, string unit)
    {
        var figure = Assert.Single(Finder.Find(sentence, [], language: null, document: sentence)).Figure;

        Assert.Equal(written, figure.Text);
        Assert.Equal((FigureKind.Money, unit), (figure.Kind, figure.Unit));
        Assert.Equal((decimal)value, figure.Value);
    }

    [Fact]
    public void IndianGrouping_IsOneNumberNotTwo()
    {
        var figure = Assert.Single(Finder.Find("About 1,20,000 pilgrims arrived.", [], language: null, document: null)).Figure;

        Assert.Equal(120_000m, figure.Value);
    }
}
