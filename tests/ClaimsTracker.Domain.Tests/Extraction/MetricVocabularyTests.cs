using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Tests.Extraction;

/// <summary>Which metric a figure is proposed for when the report words the quantity differently from the metric's name.</summary>
public class MetricVocabularyTests
{
    private static readonly DateOnly Published = new(2026, 3, 2);

    private static readonly MetricCandidate[] Catalogue =
    [
        new(1, "campaign-spending", "Money spent on a campaign", FigureKind.Money, []),
        new(2, "fuel-price", "Retail fuel price", FigureKind.Money, []),
        new(3, "quake-deaths", "Deaths in the earthquake", FigureKind.Count, []),
        new(4, "flood-deaths", "Deaths in the floods", FigureKind.Count, []),
        new(5, "civilian-deaths", "Civilians killed in the fighting", FigureKind.Count, []),
        new(6, "vote-share", "Share of the vote won by a party or candidate", FigureKind.Percentage, []),
        new(7, "voter-turnout", "Voter turnout", FigureKind.Percentage, []),
    ];

    [Theory]
    [InlineData("The campaign's treasurer said its spending came to $4.1 million.", "$4.1 million", "campaign-spending")]
    [InlineData("The quake flattened hill villages and killed 40 people, officials said.", "40", "quake-deaths")]
    [InlineData("Officials said artillery shelling of the market killed 12 people.", "12", "civilian-deaths")]
    [InlineData("Officials said the mayor kept her seat with 61% of the vote.", "61%", "vote-share")]
    [InlineData("Officials said turnout in the by-election was 38%.", "38%", "voter-turnout")]
    public void AMetricIsFound_ThroughWordsNewsUseForTheSameQuantityOrEvent(string sentence, string figureText, string metric) =>
        Assert.Equal(metric, KeyOf(Figure(sentence, figureText).MetricId));

    [Fact]
    public void AMeasureNoDimensionLists_IsNoCount_AMagnitudeIsNoQuakeDeath()
    {
        Assert.Equal("none", KeyOf(Figure("A magnitude 6.1 earthquake struck before dawn, killing 30 people, officials said.", "magnitude 6.1").MetricId));
        Assert.Equal("quake-deaths", KeyOf(Figure("A magnitude 6.1 earthquake struck before dawn, killing 30 people, officials said.", "30").MetricId));
    }

    [Fact]
    public void AMetricWhoseUnitIsACountedNoun_StillTakesABareCount()
    {
        MetricCandidate[] catalogue = [new(1, "flood-evacuated", "People evacuated from the flooded valley", FigureKind.Count, []) { Unit = "people" }];
        var figure = new ClaimExtractor().Propose("About 3,400 residents had to leave the valley, the council said.", new ExtractionContext(Published, catalogue, [])).SelectMany(c => c.Figures).Single();

        Assert.Equal(1, figure.MetricId);
    }

    [Fact]
    public void AStoryWordOfTheMetricStillDecides_AHeatwaveDeathIsNoQuakeDeath() =>
        Assert.Equal("none", KeyOf(Figure("A coroner said 14 people died in the heatwave.", "14").MetricId));

    private static readonly MetricCandidate[] DisasterCatalogue =
    [
        new(1, "flood-deaths", "People killed in the river floods", FigureKind.Count, []),
        new(2, "flood-evacuated", "People evacuated from flooded towns", FigureKind.Count, []),
        new(3, "strikers", "Workers taking part in the strike", FigureKind.Count, []),
        new(4, "ballots", "Ballots cast", FigureKind.Count, []),
    ];

    [Theory]
    [InlineData("The floods swept away a bus and 19 people drowned, the mayor said.", "19", "flood-deaths")]
    [InlineData("About 4,000 residents were ordered to leave as the floods rose, the mayor said.", "About 4,000", "flood-evacuated")]
    [InlineData("The union said some 12,000 bus drivers walked out at dawn, the first strike in a decade.", "some 12,000", "strikers")]
    public void CommonNewsWordsForAnEvent_FindItsMetric(string sentence, string figureText, string metric) =>
        Assert.Equal(metric, DisasterCatalogue.FirstOrDefault(m => m.Id == Figure(sentence, figureText, DisasterCatalogue).MetricId)?.Key ?? "none");

    [Theory]
    [InlineData("The commission said ballots were cast in 14 counties.", "14")]
    [InlineData("Police said the floods had closed 23 schools.", "23")]
    [InlineData("Officials said the mayor won by 212 votes.", "212")]
    public void ACountOfSomethingElse_IsNoFigureOfTheMetric(string sentence, string figureText) =>
        Assert.Null(Figure(sentence, figureText, DisasterCatalogue).MetricId);

    [Fact]
    public void ACountOfWhatTheMetricCounts_KeepsIt() =>
        Assert.Equal(4, Figure("The commission said 2.1 million ballots were cast.", "2.1 million", DisasterCatalogue).MetricId);

    private static readonly MetricCandidate[] VerbFormCatalogue =
    [
        new(1, "vehicles-recalled", "Vehicles covered by a recall", FigureKind.Count, []),
        new(2, "birds-culled", "Birds culled to stop the outbreak", FigureKind.Count, []),
        new(3, "gallery-visitors", "Visitors to the gallery", FigureKind.Count, []),
        new(4, "arts-funding", "Public funding for theatres", FigureKind.Money, []),
    ];

    [Theory]
    // The name says "recall", the report "is recalling": one verb, another form.
    [InlineData("Ostrava Motors is recalling 38,500 vans because a seat bolt can shear, the company said.", "38,500", "vehicles-recalled")]
    [InlineData("Inspectors said 61,000 hens would be culled at the farm after the outbreak was confirmed.", "61,000", "birds-culled")]
    // What is counted is a kind of what the metric counts: hens are birds, vans are vehicles.
    [InlineData("The outbreak's toll on the coast grew as the ministry said it had destroyed 9,400 ducks.", "9,400", "birds-culled")]
    [InlineData("The gallery said attendance reached 212,000 in its first year.", "212,000", "gallery-visitors")]
    [InlineData("The council said its grants to theatres would fall to £1.9m next year.", "£1.9m", "arts-funding")]
    public void AnotherFormOfTheNamesWords_OrAKindOfWhatItCounts_FindsTheMetric(string sentence, string figureText, string metric) =>
        Assert.Equal(metric, VerbFormCatalogue.FirstOrDefault(m => m.Id == Figure(sentence, figureText, VerbFormCatalogue).MetricId)?.Key ?? "none");

    [Theory]
    [InlineData("recalling", "recall")]
    [InlineData("recalled", "recall")]
    [InlineData("culled", "cull")]
    [InlineData("stopped", "stop")]
    [InlineData("injured", "injur")]
    [InlineData("injure", "injur")]
    [InlineData("speed", "speed")]
    [InlineData("agreed", "agreed")]
    [InlineData("ring", "ring")]
    public void VerbBase_TakesOffTheEndingOfOneVerbForm(string word, string expected) =>
        Assert.Equal(expected, MetricSuggester.VerbBase(word));

    private static FigureProposal Figure(string sentence, string text, IReadOnlyList<MetricCandidate>? catalogue = null) =>
        new ClaimExtractor().Propose(sentence, new ExtractionContext(Published, catalogue ?? Catalogue, [])).SelectMany(c => c.Figures).Single(f => f.Figure.Text == text);

    private static string KeyOf(int? id) => Catalogue.FirstOrDefault(m => m.Id == id)?.Key ?? "none";
}

/// <summary>A figure set against an earlier one ("up from", "than the agency's", "against") measures what that one does.</summary>
public class ComparedFigureMetricTests
{
    private static readonly MetricCandidate[] Catalogue =
    [
        new(1, "storm-deaths", "People killed by the storm", FigureKind.Count, []),
        new(2, "bread-price", "Retail price of bread", FigureKind.Money, []),
        new(3, "turnout", "Voter turnout", FigureKind.Percentage, []),
    ];

    [Theory]
    [InlineData("Villagers said the storm killed 52 people, far more than the ministry's 30.", "30", "storm-deaths")]
    [InlineData("A loaf of bread now sells for $2.40, up from $1.90 in March, traders said.", "$1.90", "bread-price")]
    [InlineData("The commission said turnout reached 48%, against 39% at the last election.", "39%", "turnout")]
    [InlineData("Rescuers said the storm killed 52 people, double the agency's figure of 26.", "26", "storm-deaths")]
    public void AComparedFigure_TakesTheMetricOfTheFigureItIsSetAgainst(string sentence, string figureText, string metric) =>
        Assert.Equal(metric, KeyOf(Figures(sentence).Single(f => f.Figure.Text == figureText).MetricId));

    [Fact]
    public void TheFigureToldAgainInALaterSentence_KeepsItsMetric()
    {
        var figures = Figures("Rescuers said the storm killed 52 people on the coast. The governor put the figure at 47.");

        Assert.Equal("storm-deaths", KeyOf(figures.Single(f => f.Figure.Text == "47").MetricId));
    }

    private static List<FigureProposal> Figures(string text) =>
        new ClaimExtractor().Propose(text, new ExtractionContext(new DateOnly(2026, 4, 1), Catalogue, [])).SelectMany(c => c.Figures).ToList();

    private static string KeyOf(int? id) => Catalogue.FirstOrDefault(m => m.Id == id)?.Key ?? "none";
}

/// <summary>Who a metric counts and the function words of its name are no evidence of another metric.</summary>
public class MetricNameWordTests
{
    private static readonly MetricCandidate[] Catalogue =
    [
        new(1, "crash-deaths", "People killed in the Lakeside coach crash", FigureKind.Count, []),
        new(2, "coach-passengers", "Passengers aboard the Lakeside coach", FigureKind.Count, []),
        new(3, "rally-deaths", "People who died during the rally", FigureKind.Count, []),
        new(4, "rally-injured-police", "Police officers injured at the rally", FigureKind.Count, []),
    ];

    [Theory]
    [InlineData("Officials said 9 passengers were killed when the Lakeside coach crashed.", "9", "crash-deaths")]
    [InlineData("Organisers said two marchers had been killed by police at the rally.", "two", "rally-deaths")]
    public void WhatHappened_OutweighsWhoWasCounted(string sentence, string figureText, string metric)
    {
        var figure = new ClaimExtractor().Propose(sentence, new ExtractionContext(new DateOnly(2026, 5, 1), Catalogue, [])).SelectMany(c => c.Figures).Single(f => f.Figure.Text == figureText);

        Assert.Equal(metric, Catalogue.FirstOrDefault(m => m.Id == figure.MetricId)?.Key ?? "none");
    }
}

/// <summary>A part of a whole is proposed only when the words that set it apart are next to the figure.</summary>
public class PartAndWholeMetricTests
{
    private static readonly MetricCandidate[] Catalogue =
    [
        new(1, "fever-deaths-clinics", "Fever deaths in clinics", FigureKind.Count, []),
        new(2, "fever-deaths-home", "Fever deaths at home", FigureKind.Count, []),
        new(3, "fever-deaths", "Fever deaths in the region", FigureKind.Count, []) { PartIds = [1, 2] },
        new(4, "fever-killed-or-ill", "People who fell ill or died of the fever", FigureKind.Count, []),
    ];

    [Theory]
    [InlineData("The ministry said the fever had killed 52 people, most of them in clinics run by the church.", "52", "fever-deaths")]
    [InlineData("The ministry said 30 people had died of the fever in clinics and 22 at home.", "30", "fever-deaths-clinics")]
    [InlineData("The ministry said 30 people had died of the fever in clinics and 22 at home.", "22", "fever-deaths-home")]
    public void APart_OnlyWithTheWordsThatSetItApart(string sentence, string figureText, string metric)
    {
        var figure = new ClaimExtractor().Propose(sentence, new ExtractionContext(new DateOnly(2026, 2, 1), Catalogue, [])).SelectMany(c => c.Figures).Single(f => f.Figure.Text == figureText);

        Assert.Equal(metric, Catalogue.FirstOrDefault(m => m.Id == figure.MetricId)?.Key ?? "none");
    }
}

/// <summary>Both ends of a change ("fell 18% to 41,000", "rose to 9,920 from 8,100") count what the sentence's subject names.</summary>
public class ChangeMetricTests
{
    private static readonly MetricCandidate[] Catalogue =
    [
        new(1, "visa-requests", "Work visa applications received", FigureKind.Count, []),
        new(2, "ferry-crossings", "Ferry crossings of the strait", FigureKind.Count, []),
        new(3, "ticket-price", "Ticket price", FigureKind.Money, []),
    ];

    [Theory]
    [InlineData("Work visa applications dropped 12% in the spring to about 8,400, the labour office said.", "about 8,400", "visa-requests")]
    [InlineData("Ferry crossings of the strait rose to 5,310 from 4,870 a year earlier, the port authority said.", "4,870", "ferry-crossings")]
    [InlineData("The ticket price climbed 9% to £84, the operator said on Monday.", "£84", "ticket-price")]
    public void TheSecondEndOfAChange_CountsTheSubjectBeforeTheFirst(string sentence, string figureText, string metric) =>
        Assert.Equal(metric, KeyOf(sentence, figureText));

    [Fact]
    public void AFigureAfterOtherWords_DoesNotReachBackForTheSubject() =>
        Assert.Equal("none", KeyOf("Ferry crossings of the strait rose 4%, and 212 sailors joined the union, the port authority said.", "212"));

    private static string KeyOf(string sentence, string figureText) => SuggestedMetric.KeyOf(Catalogue, sentence, figureText);
}

/// <summary>A figure whose unit only one metric of the story measures, though no word near it names the quantity.</summary>
public class UnitOnlyMetricTests
{
    private static readonly MetricCandidate[] Catalogue =
    [
        new(1, "derail-speed", "Speed of the train when it derailed", FigureKind.Count, []),
        new(2, "derail-deaths", "People killed in the derailment", FigureKind.Count, []),
        new(3, "spill-length", "Length of coast reached by the oil", FigureKind.Count, []),
        new(4, "slick-extent", "Extent of the slick offshore", FigureKind.Count, []) { Unit = "km" },
    ];

    [Fact]
    public void ASpeedUnit_IsTheStorysOneSpeedMetric() =>
        Assert.Equal("derail-speed", KeyOf("The derailment inquiry heard that the train was doing no more than 48 km/h when it reached the broken rail.", "no more than 48 km/h"));

    [Fact]
    public void ASpeedUnit_InASentenceNamingOnlyAPronoun_IsTheSpeedMetricOfTheStoryItsNameWordsTell() =>
        Assert.Equal("derail-speed", KeyOf("The night train derailed near the river. Data from the cab showed it was doing no more than 48 km/h.", "no more than 48 km/h"));

    [Fact]
    public void AUnitTwoMetricsMeasure_ProposesNeither() =>
        Assert.Equal("none", KeyOf("The sheen had spread some 30 km along the shore by Friday, the coastguard said of the spill.", "some 30 km"));

    [Fact]
    public void AUnitOffTheStorysTopic_ProposesNothing() =>
        Assert.Equal("none", KeyOf("Cyclists rode at 35 km/h through the town centre during the race, organisers said.", "35 km/h"));

    private static string KeyOf(string sentence, string figureText) => SuggestedMetric.KeyOf(Catalogue, sentence, figureText);
}

/// <summary>Concentrations (µg/m3, mg/L, ppm) are a measure of their own, told apart by what is measured.</summary>
public class ConcentrationMetricTests
{
    private static readonly MetricCandidate[] Catalogue =
    [
        new(1, "pm25", "Fine-particle (PM2.5) concentration measured in the air", FigureKind.Count, []),
        new(2, "no2", "Nitrogen dioxide concentration measured in the air", FigureKind.Count, []),
        new(3, "smog-deaths", "Premature deaths blamed on air pollution", FigureKind.Count, []),
    ];

    [Theory]
    [InlineData("Fine-particle pollution in Tessin reached 91 micrograms per cubic metre on Monday, the agency said.", "91 micrograms per cubic metre", "pm25")]
    [InlineData("Nitrogen dioxide on the ring road averaged 52 µg/m3 last year, the council said.", "52 µg/m3", "no2")]
    public void AConcentration_IsTheMetricOfWhatWasMeasured_ThoughTheArticleNeverSaysAir(string sentence, string figureText, string metric) =>
        Assert.Equal(metric, KeyOf(sentence, figureText));

    [Fact]
    public void AConcentration_IsNoCountOfDeaths() =>
        Assert.NotEqual("smog-deaths", KeyOf("Smog deaths rose as fine particles hit 80 µg/m3, the agency said.", "80 µg/m3"));

    private static string KeyOf(string sentence, string figureText) => SuggestedMetric.KeyOf(Catalogue, sentence, figureText);
}

/// <summary>The key of the metric proposed for one figure of a sentence, "none" when none is.</summary>
internal static class SuggestedMetric
{
    public static string KeyOf(IReadOnlyList<MetricCandidate> catalogue, string sentence, string figureText)
    {
        var figure = new ClaimExtractor().Propose(sentence, new ExtractionContext(new DateOnly(2026, 5, 4), catalogue, [])).SelectMany(c => c.Figures).Single(f => f.Figure.Text == figureText);
        return catalogue.FirstOrDefault(m => m.Id == figure.MetricId)?.Key ?? "none";
    }
}
