using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Tests.Extraction;

public class MetricAndTimeTests
{
    private static readonly DateOnly Published = new(2025, 1, 13); // a Monday

    [Theory]
    [InlineData("Seoul said 300 North Korean soldiers were killed.", "300", "nk-killed")]
    [InlineData("Seoul said 2,700 North Korean soldiers were wounded.", "2,700", "nk-wounded")]
    [InlineData("Seoul said 300 North Korean soldiers were killed and 2,700 wounded.", "2,700", "nk-wounded")]
    [InlineData("Seoul said 300 North Korean soldiers were killed and 2,700 wounded.", "300", "nk-killed")]
    [InlineData("More than 3,000 North Korean troops were killed or wounded.", "More than 3,000", "nk-killed-or-wounded")]
    [InlineData("North Korea has suffered 1,000 casualties.", "1,000", "nk-killed-or-wounded")]
    [InlineData("Pyongyang has deployed about 11,000 North Korean troops.", "about 11,000", "nk-troops-deployed")]
    [InlineData("Ukraine said two North Korean soldiers were taken prisoner.", "two", "nk-captured")]
    [InlineData("The first North Korean soldier was captured on January 9.", "January 9", "capture-date")]
    [InlineData("Zelensky announced on Saturday that North Korean soldiers were held.", "Saturday", "capture-announcement-date")]
    [InlineData("The captive was born in 2005, the SBU said.", "2005", "captive-birth-year")]
    [InlineData("The earthquake killed at least 112 people.", "at least 112", "quake-deaths")]
    public void Metric_IsSuggestedFromNearbyWords(string sentence, string figureText, string metricKey)
    {
        var figure = Figure(sentence, figureText);

        Assert.Equal(metricKey, TestCatalogue.KeyOf(figure.MetricId));
        Assert.NotNull(figure.MetricEvidence);
    }

    [Theory]
    [InlineData("North Korea fired 250 artillery rounds.", "250")]
    [InlineData("A doctor said nine patients died of heatstroke.", "nine")]
    [InlineData("Russia and Ukraine freed 150 prisoners of war.", "150")]
    public void Metric_IsNotSuggestedOffTopic(string sentence, string figureText) =>
        Assert.Null(Figure(sentence, figureText).MetricId);

    [Theory]
    [InlineData("North Korean soldiers killed", "killed")]
    [InlineData("nk-killed-or-wounded", "casualties")]
    [InlineData("Earthquake injured", "injured")]
    [InlineData("Capture date", "captured")]
    [InlineData("People displaced", "fled")]
    [InlineData("Bridge collapses", "bridge")]
    public void DefaultKeywords_DeriveFromNameOrKey(string keyOrName, string keyword) =>
        Assert.Contains(keyword, DefaultKeywords.For(keyOrName));

    [Fact]
    public void DefaultKeywords_KilledOrWounded_LeavesThePartsToTheirMetrics()
    {
        var keywords = DefaultKeywords.For("North Korean soldiers killed or wounded");

        Assert.DoesNotContain("killed", keywords);
        Assert.DoesNotContain("wounded", keywords);
        Assert.Contains("killed or wounded", keywords);
    }

    [Theory]
    [InlineData("By the end of last month, 3,000 soldiers were killed.", "3,000", TimeReferenceKind.AsOf, null, "2024-12-31")]
    [InlineData("In the last week of December, 1,000 soldiers were killed.", "1,000", TimeReferenceKind.Period, "2024-12-25", "2024-12-31")]
    [InlineData("Last month 1,000 soldiers were killed.", "1,000", TimeReferenceKind.Period, "2024-12-01", "2024-12-31")]
    [InlineData("Two soldiers were captured on Saturday.", "Two", TimeReferenceKind.AsOf, null, "2025-01-11")]
    [InlineData("As of January 9, 300 soldiers were killed.", "300", TimeReferenceKind.AsOf, null, "2025-01-09")]
    [InlineData("Since October, 11,000 troops were sent.", "11,000", TimeReferenceKind.Period, "2024-10-01", "2025-01-13")]
    [InlineData("An officer said on Monday that about 5,000 soldiers were killed by the end of December.", "about 5,000", TimeReferenceKind.AsOf, null, "2024-12-31")]
    [InlineData("An officer said on Monday that about 5,000 soldiers were killed.", "about 5,000", TimeReferenceKind.AsOf, null, "2025-01-13")]
    public void Time_IsResolvedFromNearbyWords(string sentence, string figureText, TimeReferenceKind kind, string? start, string end)
    {
        var figure = Figure(sentence, figureText);

        Assert.Equal(kind, figure.Time.Kind);
        Assert.Equal(start is null ? null : DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), figure.Time.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), figure.Time.End);
        Assert.NotNull(figure.TimeEvidence);
    }

    [Fact]
    public void Time_NoWords_IsUnknown()
    {
        var figure = Figure("Officials said 300 soldiers were killed.", "300");

        Assert.Equal(TimeReferenceKind.Unknown, figure.Time.Kind);
        Assert.Null(figure.TimeEvidence);
    }

    private static FigureProposal Figure(string sentence, string text) =>
        AttributionTests.Propose(sentence, Published).SelectMany(c => c.Figures).Single(f => f.Figure.Text == text);
}
