using ClaimsTracker.Domain.Reports;

namespace ClaimsTracker.Domain.Tests.Reports;

public class DuplicateReportRuleTests
{
    private const string Article = "Officials said about one thousand soldiers were killed or wounded in the Kursk region during the last week of December, according to the ministry.";
    private static readonly DateOnly Day = new(2025, 1, 13);

    [Fact]
    public void Why_SameUrl_IsADuplicate() =>
        Assert.Equal("same URL", DuplicateReportRule.Why(
            new ReportIdentity("https://example.org/a", "One", 1, Day, "First text."),
            new ReportIdentity(" https://example.org/a ", "Two", 2, Day.AddDays(3), "Other words entirely.")));

    [Fact]
    public void Why_SameTitleOutletAndDayWithoutUrl_IsADuplicate() =>
        Assert.Equal("same title, outlet and day", DuplicateReportRule.Why(
            new ReportIdentity(null, "Casualties rise", 1, Day, "First text."),
            new ReportIdentity("https://example.org/a", "casualties rise ", 1, Day, "Other words entirely.")));

    [Fact]
    public void Why_DifferentUrlsSameTitle_IsNotADuplicate() =>
        Assert.Null(DuplicateReportRule.Why(
            new ReportIdentity("https://example.org/a", "Casualties rise", 1, Day, "First text."),
            new ReportIdentity("https://example.org/b", "Casualties rise", 1, Day, "Other words entirely.")));

    [Fact]
    public void Why_RepastedTextWithATrailer_IsADuplicate()
    {
        var why = DuplicateReportRule.Why(
            new ReportIdentity(null, "A", 1, Day, Article + " Read more."),
            new ReportIdentity(null, "B", 2, Day, Article));

        Assert.EndsWith("of the text is the same", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Similarity_ShortDifferentTexts_AreNotTheSame()
    {
        Assert.Equal(0, DuplicateReportRule.Similarity("Text.", "Not yet written."));
        Assert.Equal(1, DuplicateReportRule.Similarity("Text.", "text"));
    }

    [Fact]
    public void Sketch_SameWordsOtherCaseAndPunctuation_IsTheSame() =>
        Assert.Equal(DuplicateReportRule.Sketch(Article), DuplicateReportRule.Sketch(Article.ToUpperInvariant().Replace(",", " ;", StringComparison.Ordinal)));

    [Fact]
    public void Sketch_RepastedTextWithATrailer_SharesABand()
    {
        var sketch = DuplicateReportRule.Sketch(Article);

        Assert.Equal(1 + DuplicateReportRule.SketchBands, sketch.Length);
        Assert.True(DuplicateReportRule.MayBeSimilar(sketch, DuplicateReportRule.Sketch(Article + " Read more.")));
    }

    [Fact]
    public void Sketch_UnrelatedText_SharesNothing() =>
        Assert.False(DuplicateReportRule.MayBeSimilar(
            DuplicateReportRule.Sketch(Article),
            DuplicateReportRule.Sketch("The harbour ferry left at seven on Monday after crews had spent the weekend clearing debris from the slipway near the old lighthouse.")));

    [Fact]
    public void Sketch_KnownTexts_KeepTheValuesStoredSketchesWereMadeWith()
    {
        // Stored reports keep their sketch: reading words differently (faster) must still give these values,
        // or stored look-alikes would no longer be found. Non-ASCII letters, digits and case included.
        Assert.Equal([1117353454, 1654324907, 263366626, 1145152914, 1861504636, 673702672, -1791591448, -391398210, 1918950153, 257117105, -1576101000], DuplicateReportRule.Sketch(Article));
        Assert.Equal([1692461564, 1150574551, 2022262918, 1303385577, -1572065223, 670091314, -330877598, -621941859, 1459385831, -1653209665, -1651491574], DuplicateReportRule.Sketch("Über 1.200 Menschen – ÉVACUÉS à Kyiv/Київ, said the UN's office (OCHA) on 3 March: 12,5% more than before."));
    }

    [Fact]
    public void Sketch_TooShortForWordRuns_IsTheWordsOnly() =>
        Assert.Equal(DuplicateReportRule.Sketch("Text."), DuplicateReportRule.Sketch("text"));
}
