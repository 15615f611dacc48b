using ClaimsTracker.Web.Features.Reports;

namespace ClaimsTracker.Web.Tests.Reports;

public class QuoteHighlighterTests
{
    private const string Text = "Officials said 300 died. The agency said 2,700 were hurt. Nobody else spoke.";

    private static ClaimView Claim(int id, string quote, bool orphaned = false)
    {
        var start = Text.IndexOf(quote, StringComparison.Ordinal);
        return new ClaimView(id, "summary", 1, "source", null, null, null, quote, start, start + quote.Length, orphaned, []);
    }

    [Fact]
    public void Segments_TwoQuotes_CoverTextOnceInOrder()
    {
        var segments = QuoteHighlighter.Segments(Text, [Claim(2, "2,700 were hurt"), Claim(1, "300 died")]);

        Assert.Equal(Text, string.Concat(segments.Select(s => s.Text)));
        Assert.Equal([null, 1, null, 2, null], segments.Select(s => s.ClaimId));
        Assert.Equal("300 died", segments[1].Text);
    }

    [Fact]
    public void Segments_OverlappingQuotes_LaterStartsWhereEarlierEnds()
    {
        var segments = QuoteHighlighter.Segments(Text, [Claim(1, "said 300 died"), Claim(2, "300 died. The agency")]);

        Assert.Equal(Text, string.Concat(segments.Select(s => s.Text)));
        Assert.Equal(". The agency", segments.Single(s => s.ClaimId == 2).Text);
    }

    [Fact]
    public void Segments_OrphanedQuote_IsNotHighlighted()
    {
        var segments = QuoteHighlighter.Segments(Text, [Claim(1, "300 died", orphaned: true)]);

        var only = Assert.Single(segments);
        Assert.Null(only.ClaimId);
    }
}
