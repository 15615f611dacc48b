using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Tests.Extraction;

public class FigureExtractionTests
{
    private static readonly DateOnly Published = new(2025, 1, 13); // a Monday

    [Theory]
    [InlineData("The NIS said more than 1,000 soldiers were killed.", "more than 1,000", 1000, Qualifier.MoreThan)]
    [InlineData("Officials said as many as 4,000 were hurt.", "as many as 4,000", 4000, Qualifier.UpTo)]
    [InlineData("He said two soldiers were captured.", "two", 2, Qualifier.Exact)]
    [InlineData("Twenty-five miners were rescued.", "Twenty-five", 25, Qualifier.Exact)]
    [InlineData("Between 10,000 and 12,000 troops are there.", "Between 10,000 and 12,000", 10000, Qualifier.Range)]
    [InlineData("Several hundred were wounded.", "Several hundred", 300, Qualifier.Vague)]
    [InlineData("Denmark has handed over six jets.", "six", 6, Qualifier.Exact)]
    [InlineData("They trained for about a week.", "about a week", 7, Qualifier.Approximately)]
    public void Figures_AreReadWithQualifier(string sentence, string text, decimal value, Qualifier qualifier)
    {
        var figure = Assert.Single(Figures(sentence));

        Assert.Equal(text, figure.Figure.Text);
        Assert.Equal(value, figure.Figure.Value);
        Assert.Equal(qualifier, figure.Figure.Qualifier);
    }

    [Theory]
    [InlineData("Special forces of the 84th Tactical Group took part.")]
    [InlineData("Kyiv made an 11th-hour offer to the envoy.")]
    [InlineData("Kirby, 61, did not give a figure.")]
    [InlineData("The prisoners, aged 20 and 26, were questioned.")]
    [InlineData("A 20-year-old rifleman was among them.")]
    [InlineData("Call the hotline on 0800 505 201 for help.")]
    [InlineData("Text +380 67 123 4567 for news of relatives.")]
    [InlineData("The draft cites Article 51 and Resolution 2231.")]
    [InlineData("The Netherlands sent F-16 jets; COVID-19 rules were lifted.")]
    [InlineData("Rescue teams have worked 24/7 at the site.")]
    [InlineData("The briefing began at 10:30 a.m. local time.")]
    [InlineData("One of the prisoners spoke to the press.")]
    [InlineData("Hospitals were busy over the past 10 days.")]
    [InlineData("Turnout was higher four years ago.")]
    public void NonFigures_AreSkipped(string sentence) =>
        Assert.Empty(Figures(sentence));

    [Theory]
    [InlineData("Back to top\nRelated Articles\nNorth Korea sends 1,500 more troops\nBy Anna Petrenko and Jae-won Park\nUpdated 14:05 GMT, 15 January 2025\nThe story went on.")]
    [InlineData("Advertisement\n3 min read\nBy Kim Soo-min\nNothing else here.")]
    public void PageFurniture_IsSkipped(string text) =>
        Assert.Empty(AttributionTests.Propose(text));

    [Theory]
    [InlineData("The first soldier was captured on January 9.", "January 9", "2025-01-09")]
    [InlineData("The first soldier was captured on Jan. 9.", "Jan. 9", "2025-01-09")]
    [InlineData("The first soldier was captured on 9 January.", "9 January", "2025-01-09")]
    [InlineData("The first soldier was captured on Saturday.", "Saturday", "2025-01-11")]
    [InlineData("The first soldier was captured last Monday.", "last Monday", "2025-01-06")]
    [InlineData("The first soldier was captured yesterday.", "yesterday", "2025-01-12")]
    [InlineData("The first soldier was captured on December 30, 2024.", "December 30, 2024", "2024-12-30")]
    public void Dates_BecomeDateFigures(string sentence, string text, string date)
    {
        var figure = Assert.Single(Figures(sentence));

        Assert.Equal(FigureKind.Date, figure.Figure.Kind);
        Assert.Equal(text, figure.Figure.Text);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), figure.Date);
        Assert.Equal(figure.Date!.Value.DayNumber, figure.Figure.Value);
    }

    [Theory]
    [InlineData("The rifleman was born in 2005.", "2005", FigureKind.Year, 2005)]
    [InlineData("The men trained for three weeks.", "three weeks", FigureKind.Duration, 21)]
    [InlineData("Inflation reached 12.9%.", "12.9%", FigureKind.Percentage, 12.9)]
    [InlineData("Donors pledged €3.5 billion.", "€3.5 billion", FigureKind.Money, 3_500_000_000)]
    public void Kinds_AreKept(string sentence, string text, FigureKind kind, double value)
    {
        var figure = Assert.Single(Figures(sentence));

        Assert.Equal(text, figure.Figure.Text);
        Assert.Equal(kind, figure.Figure.Kind);
        Assert.Equal((decimal)value, figure.Figure.Value);
    }

    [Fact]
    public void Quote_IsTheSentenceAnchoredInTheOriginalText()
    {
        const string text = "Seoul spoke first. The U.S. Treasury said on Jan. 15 that Mr. Kim had sent 300 troops. Nothing more.";

        var claim = Assert.Single(AttributionTests.Propose(text));

        Assert.Equal("The U.S. Treasury said on Jan. 15 that Mr. Kim had sent 300 troops.", claim.Quote.Exact);
        Assert.Equal(claim.Quote.Exact, text[claim.Quote.Start..claim.Quote.End]);
        Assert.Equal("Seoul spoke first. ", claim.Quote.Prefix);
        Assert.Equal(" Nothing more.", claim.Quote.Suffix);
        var troops = claim.Figures.Single(f => f.Figure.Kind == FigureKind.Count);
        Assert.Equal("300", text[troops.Figure.Start..troops.Figure.End]);
    }

    [Theory]
    [InlineData("He said: \"We lost 300 men.\" Then he left.", 2)]
    [InlineData("Gen. Ryu and Dr. Kim met at 3 p.m. The talks ended.", 2)]
    [InlineData("Figures rose 2.5 percent. Prices fell.", 2)]
    [InlineData("Line one\nLine two", 2)]
    public void Sentences_SplitAroundAbbreviationsAndQuotes(string text, int count) =>
        Assert.Equal(count, SentenceSplitter.Split(text).Count);

    [Fact]
    public void SameInput_SameOutput()
    {
        const string text = "Zelenskyy said more than 3,000 North Korean troops had been killed or wounded. He told AFP on Saturday that two were captured.";

        var first = AttributionTests.Propose(text);
        var second = AttributionTests.Propose(text);

        Assert.Equal(first.Count, second.Count);
        Assert.True(first.Zip(second).All(p => p.First.Quote == p.Second.Quote && p.First.SourceName == p.Second.SourceName && p.First.Figures.SequenceEqual(p.Second.Figures)));
    }

    private static List<FigureProposal> Figures(string text) =>
        AttributionTests.Propose(text, Published).SelectMany(c => c.Figures).ToList();
}
