using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Web.Components.Figures;

namespace ClaimsTracker.Components.Tests.Figures;

public class TimelineModelTests
{
    private static readonly DateOnly Jan1 = new(2025, 1, 1);

    private static TimelineFigure Figure(int id, string source, int day, decimal? low, decimal? high, decimal? best = null,
        bool conflict = false, FigureRank rank = FigureRank.Normal, int? periodStartDay = null) =>
        new(id, source, periodStartDay is { } p ? Jan1.AddDays(p) : null, Jan1.AddDays(day), low, best ?? low ?? high, high,
            $"figure {id}", $"quote {id}", conflict, rank);

    [Fact]
    public void Build_ExactRangeAndOpenFigures_GetPointBarAndArrowShapes()
    {
        var model = TimelineModel.Build(
            [Figure(1, "A", 0, 100, 100), Figure(2, "A", 10, 80, 120), Figure(3, "B", 20, 150, null), Figure(4, "B", 30, null, 90)],
            FigureKind.Count, 800, 400);

        var shapes = model.Glyphs.ToDictionary(g => g.Figure.FigureId, g => g.Shape);
        Assert.Equal(GlyphShape.Point, shapes[1]);
        Assert.Equal(GlyphShape.Range, shapes[2]);
        Assert.Equal(GlyphShape.OpenAbove, shapes[3]);
        Assert.Equal(GlyphShape.OpenBelow, shapes[4]);
    }

    [Fact]
    public void Build_OpenAboveFigure_ReachesTheTopOfThePlot_OpenBelowReachesTheBottom()
    {
        var model = TimelineModel.Build([Figure(1, "A", 0, 150, null), Figure(2, "B", 5, null, 90)], FigureKind.Count, 800, 400);

        var above = model.Glyphs.Single(g => g.Figure.FigureId == 1);
        var below = model.Glyphs.Single(g => g.Figure.FigureId == 2);
        Assert.Equal(model.PlotTop, above.Top);
        Assert.Equal(model.Y(150), above.Bottom, 6);
        Assert.Equal(model.PlotBottom, below.Bottom);
        Assert.Equal(model.Y(90), below.Top, 6);
    }

    [Fact]
    public void Build_TimeAxis_IsProportionalToDays_NotOneCategoryPerFigure()
    {
        var model = TimelineModel.Build([Figure(1, "A", 0, 10, 10), Figure(2, "B", 10, 10, 10), Figure(3, "C", 40, 10, 10)], FigureKind.Count, 800, 400);

        var x = model.Glyphs.OrderBy(g => g.Figure.FigureId).Select(g => g.X).ToList();
        // Days 0, 10, 40: the second gap is three times the first.
        Assert.Equal(3.0, (x[2] - x[1]) / (x[1] - x[0]), 6);
        Assert.True(model.From < Jan1 && model.To > Jan1.AddDays(40), "the axis is padded so no glyph sits on the frame");
    }

    [Fact]
    public void Build_PeriodFigure_SpansFromPeriodStartToAsOf()
    {
        var model = TimelineModel.Build([Figure(1, "A", 30, 10, 20, periodStartDay: 0), Figure(2, "B", 30, 15, 15)], FigureKind.Count, 800, 400);

        var period = model.Glyphs.Single(g => g.Figure.FigureId == 1);
        Assert.True(period.HasPeriod);
        Assert.Equal(model.X(Jan1) + (period.X - model.X(Jan1.AddDays(30))), period.SpanStartX, 6);
        Assert.False(model.Glyphs.Single(g => g.Figure.FigureId == 2).HasPeriod);
    }

    [Fact]
    public void Build_FiguresOnTheSameDay_AreDodgedApart()
    {
        var model = TimelineModel.Build([Figure(1, "A", 5, 10, 20), Figure(2, "B", 5, 12, 18), Figure(3, "C", 5, 11, 11)], FigureKind.Count, 800, 400);

        var xs = model.Glyphs.Select(g => g.X).Order().ToList();
        Assert.Equal(3, xs.Distinct().Count());
        Assert.Equal(TimelineModel.DodgeStep, xs[1] - xs[0], 6);
        Assert.Equal(model.X(Jan1.AddDays(5)), xs[1], 6);
    }

    [Fact]
    public void Build_HiddenSource_RemovesItsGlyphsButKeepsScalesAndLegend()
    {
        IReadOnlyList<TimelineFigure> figures = [Figure(1, "A", 0, 10, 10), Figure(2, "B", 20, 1000, 1000)];
        var all = TimelineModel.Build(figures, FigureKind.Count, 800, 400);
        var withoutB = TimelineModel.Build(figures, FigureKind.Count, 800, 400, new HashSet<string> { "B" });

        Assert.DoesNotContain(withoutB.Glyphs, g => g.Figure.Source == "B");
        Assert.Equal(all.ValueMax, withoutB.ValueMax);
        Assert.Equal(all.Glyphs.Single(g => g.Figure.Source == "A").BestY, withoutB.Glyphs.Single().BestY);
        Assert.True(withoutB.Legend.Single(l => l.Source == "B").Hidden);
    }

    [Fact]
    public void Build_EachSource_GetsItsOwnColour()
    {
        var model = TimelineModel.Build([Figure(1, "A", 0, 10, 10), Figure(2, "B", 1, 10, 10), Figure(3, "A", 2, 12, 12)], FigureKind.Count, 800, 400);

        Assert.Equal(2, model.Legend.Select(l => l.Colour).Distinct().Count());
        Assert.Equal(model.Glyphs[0].Colour, model.Glyphs.Single(g => g.Figure.FigureId == 3).Colour);
    }

    [Fact]
    public void Build_CountMetric_ValueAxisStartsAtZeroOnRoundTicks()
    {
        var model = TimelineModel.Build([Figure(1, "A", 0, 3000, 3800), Figure(2, "B", 3, 11000, null)], FigureKind.Count, 800, 400);

        Assert.Equal(0, model.ValueMin);
        Assert.True(model.ValueMax > 11000);
        Assert.Contains(model.ValueTicks, t => t.Label == "0");
        Assert.All(model.ValueTicks, t => Assert.InRange(t.Position, model.PlotTop - 0.001, model.PlotBottom + 0.001));
    }

    [Fact]
    public void Build_DescriptionOfAGlyph_HasSourceQuoteStandingAndConflictInWords()
    {
        var model = TimelineModel.Build([Figure(1, "Kyiv", 0, 85, null, conflict: true, rank: FigureRank.Deprecated)], FigureKind.Count, 800, 400);

        var description = model.Glyphs.Single().Description;
        Assert.Contains("Kyiv", description, StringComparison.Ordinal);
        Assert.Contains("85 or more", description, StringComparison.Ordinal);
        Assert.Contains("deprecated", description, StringComparison.Ordinal);
        Assert.Contains("in an open conflict", description, StringComparison.Ordinal);
        Assert.Contains("“quote 1”", description, StringComparison.Ordinal);
        Assert.DoesNotContain("≥", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NarrowWidth_HasFewerTimeTicksThanWide()
    {
        IReadOnlyList<TimelineFigure> figures = [Figure(1, "A", 0, 10, 10), Figure(2, "B", 300, 10, 10)];

        var wide = TimelineModel.Build(figures, FigureKind.Count, 860, 380);
        var narrow = TimelineModel.Build(figures, FigureKind.Count, 360, 300);

        Assert.True(narrow.TimeTicks.Count < wide.TimeTicks.Count, $"{narrow.TimeTicks.Count} vs {wide.TimeTicks.Count}");
        Assert.True(narrow.TimeTicks.Count >= 2);
        Assert.All(narrow.TimeTicks, t => Assert.InRange(t.Position, narrow.PlotLeft, narrow.PlotRight));
    }
}
