using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Web.Components.Figures;
using MudBlazor.Services;

namespace ClaimsTracker.Components.Tests.Figures;

public class IntervalGlyphTests : BunitContext
{
    public IntervalGlyphTests() => Services.AddMudServices();

    private static readonly DateOnly Day = new(2025, 1, 10);

    [Fact]
    public void FigureTimeline_ConflictAndPreferredFigures_AreMarkedOnTheirGlyphs()
    {
        var timeline = Render<FigureTimeline>(p => p
            .Add(t => t.Figures, [
                new TimelineFigure(1, "Kyiv", null, Day, 3000, 3000, 3000, "3,000", "about 3,000 killed", true, FigureRank.Normal),
                new TimelineFigure(2, "Seoul", null, Day.AddDays(3), 1100, 1100, 1100, "1,100", "1,100 casualties", false, FigureRank.Preferred),
            ])
            .Add(t => t.Kind, FigureKind.Count));

        // Each figure is drawn twice (wide and narrow); the halo is on the conflict's glyph only.
        Assert.Equal(2, timeline.FindAll("g.glyph.in-conflict[data-figure='1'] .glyph-halo").Count);
        Assert.Empty(timeline.FindAll("g.glyph[data-figure='2'] .glyph-halo"));
        Assert.Equal(2, timeline.FindAll("g.glyph.preferred[data-figure='2'] .glyph-rank.preferred").Count);
        Assert.Contains("about 3,000 killed", timeline.Find("g.glyph[data-figure='1'] title").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void FigureTimeline_LegendButton_HidesAndShowsASource()
    {
        var timeline = Render<FigureTimeline>(p => p
            .Add(t => t.Figures, [
                new TimelineFigure(1, "Kyiv", null, Day, 10, 10, 10, "10", "ten", false, FigureRank.Normal),
                new TimelineFigure(2, "Seoul", null, Day, 20, 20, 20, "20", "twenty", false, FigureRank.Normal),
            ]));

        timeline.Find("button[data-source='Kyiv']").Click();

        Assert.Empty(timeline.FindAll("g.glyph[data-figure='1']"));
        Assert.NotEmpty(timeline.FindAll("g.glyph[data-figure='2']"));
        Assert.Equal("false", timeline.Find("button[data-source='Kyiv']").GetAttribute("aria-pressed"));

        timeline.Find("button[data-source='Kyiv']").Click();
        Assert.NotEmpty(timeline.FindAll("g.glyph[data-figure='1']"));
    }

    [Fact]
    public void FigureTimeline_FocusOnAGlyph_ShowsItsQuoteInTheDetail()
    {
        var timeline = Render<FigureTimeline>(p => p
            .Add(t => t.Figures, [new TimelineFigure(7, "Kyiv", null, Day, 85, 85, null, "more than 85", "more than 85 soldiers", false, FigureRank.Normal, "/claims/3")]));

        timeline.Find("g.glyph[data-figure='7']").Focus();

        var detail = timeline.Find("[data-testid=timeline-detail]");
        Assert.Contains("more than 85 soldiers", detail.TextContent, StringComparison.Ordinal);
        Assert.Equal("/claims/3", detail.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData(Qualifier.Approximately, 85, 80, 90, "about 85")]
    [InlineData(Qualifier.UpTo, 3000, null, 3000, "up to 3,000")]
    [InlineData(Qualifier.MoreThan, 85, 85, null, "more than 85")]
    [InlineData(Qualifier.Range, 1000, 900, 1100, "between 900 and 1,100")]
    [InlineData(Qualifier.Exact, 12, 12, 12, "12")]
    public void FigureWords_Stated_UsesReadersWords(Qualifier qualifier, int best, int? low, int? high, string expected) =>
        Assert.Equal(expected, FigureWords.Stated(FigureKind.Count, qualifier, low, best, high));
}
