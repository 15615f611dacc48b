using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Tests.Extraction;

/// <summary>
/// Suggestions that decide whether two reports' figures meet in the queue: the time a count holds
/// (not the day of some other event named beside it) and what a count counts (the head of a
/// metric's name, not a place named after its preposition).
/// </summary>
public class QueueTimeAndCountTests
{
    private static readonly DateOnly Thursday = new(2026, 3, 12);

    [Fact]
    public void Time_PossessiveDayNamesTheEvent_CountStaysUndated()
    {
        var toll = Figure("Eleven villagers died in Sunday's flooding of the valley, the interior ministry said.", "Eleven");

        Assert.Equal(TimeReferenceKind.Unknown, toll.Time.Kind);
    }

    [Fact]
    public void Time_DayInsideAnAsideAboutSomethingElse_IsNotTheFiguresTime()
    {
        var aboard = Figure("The navy said the ferry, which left the harbour on Monday, had been carrying about 300 people.", "about 300");
        var dated = Figure("The navy said on Monday that the ferry had been carrying about 300 people.", "about 300");

        Assert.Equal(TimeReferenceKind.Unknown, aboard.Time.Kind);
        // Without the aside the day is the figure's own.
        Assert.Equal(new DateOnly(2026, 3, 9), dated.Time.End);
    }

    [Fact]
    public void Time_FigureComparedWithAnEarlierMoment_HoldsAtThatMoment()
    {
        const string sentence = "The clinic put its average wait at 9 weeks, up from 6 weeks a year earlier, its director said.";
        var now = Figure(sentence, "9 weeks");
        var before = Figure(sentence, "6 weeks");

        // The earlier moment belongs to the figure written right before it, not to the whole sentence.
        Assert.Equal(TimeReferenceKind.Unknown, now.Time.Kind);
        Assert.Equal(TimeReference.AsOf(Thursday.AddYears(-1)).End, before.Time.End);
    }

    [Fact]
    public void Time_EarlierMoment_CountsBackFromTheDayNamedBeforeIt()
    {
        var before = Figure("Arrivals reached 12,400 at the end of August, against 9,800 two years before, the port said.", "9,800");
        var ago = Figure("The regional fund held €31 million three months ago, the treasurer said.", "€31 million");

        Assert.Equal(new DateOnly(2023, 8, 31), before.Time.End);
        Assert.Equal(Thursday.AddMonths(-3), ago.Time.End);
    }

    [Fact]
    public void Metric_CountedNounIsAPlaceInTheName_IsNoFigureOfIt()
    {
        MetricCandidate inCentres = new(1, "deaths-in-centres", "Cholera deaths in treatment centres", FigureKind.Count, []);
        MetricCandidate patients = new(2, "patients", "Cholera patients currently in treatment centres", FigureKind.Count, []);
        MetricCandidate cases = new(3, "cases", "Cholera cases in the province", FigureKind.Count, []);
        var context = new ExtractionContext(Thursday, [inCentres, patients, cases], []);
        var extractor = new ClaimExtractor();

        var centres = extractor.Propose("The provincial health director said four new treatment centres would open.", context)
            .SelectMany(c => c.Figures).Single(f => f.Figure.Text == "four");
        var deaths = extractor.Propose("The provincial health director said 48 people had died in treatment centres.", context)
            .SelectMany(c => c.Figures).Single(f => f.Figure.Text == "48");

        Assert.Null(centres.MetricId);
        Assert.NotNull(centres.NewMetric);
        Assert.Equal(inCentres.Id, deaths.MetricId);
    }

    [Fact]
    public void Corroboration_TheBodysOfficerSpeaksRightAfterItsFigure_StandsWithThatFigure()
    {
        const string text = "The Lowland Workers Union said at least 400 members had lost their jobs by Friday. "
            + "\"Nobody has been told the truth,\" its general secretary, Marta Quist, told reporters.";

        var proposals = AttributionTests.Propose(text, Thursday);

        var officer = Assert.Single(proposals, p => p.SourceName == "Marta Quist");
        Assert.True(officer.Corroborates);
        Assert.Equal("at least 400", Assert.Single(officer.Figures).Figure.Text);
    }

    [Fact]
    public void Corroboration_OfficerInTheNextParagraph_VouchesForNothing()
    {
        const string text = "The Lowland Workers Union said at least 400 members had lost their jobs by Friday.\n\n"
            + "\"Nobody has been told the truth,\" its general secretary, Marta Quist, told reporters.";

        Assert.DoesNotContain(AttributionTests.Propose(text, Thursday), p => p.SourceName == "Marta Quist" && p.Figures.Count > 0);
    }

    private static FigureProposal Figure(string sentence, string text) =>
        AttributionTests.Propose(sentence, Thursday).SelectMany(c => c.Figures).Single(f => f.Figure.Text == text);
}
