using ClaimsTracker.Domain.Claims;

namespace ClaimsTracker.Domain.Tests.Claims;

public class QuoteAnchoringTests
{
    private const string Text = "The agency counted 300 dead. Later the agency counted 300 dead again, it said.";

    [Fact]
    public void Anchor_QuotePresent_RecordsOffsetsAndContext()
    {
        var anchor = QuoteAnchoring.Anchor(Text, "Later the agency")!;

        Assert.Equal(29, anchor.Start);
        Assert.Equal(29 + "Later the agency".Length, anchor.End);
        Assert.Equal("Later the agency", Text[anchor.Start..anchor.End]);
        Assert.EndsWith("300 dead. ", anchor.Prefix);
        Assert.StartsWith(" counted 300", anchor.Suffix);
    }

    [Fact]
    public void Anchor_RepeatedQuote_PicksOccurrenceNearestHint()
    {
        var first = QuoteAnchoring.Anchor(Text, "counted 300 dead", nearOffset: 0)!;
        var second = QuoteAnchoring.Anchor(Text, "counted 300 dead", nearOffset: 60)!;

        Assert.Equal(11, first.Start);
        Assert.Equal(46, second.Start);
    }

    [Fact]
    public void Anchor_QuoteAbsent_ReturnsNull() =>
        Assert.Null(QuoteAnchoring.Anchor(Text, "400 dead"));

    [Fact]
    public void Reanchor_TextInsertedBefore_FollowsTheWords()
    {
        var anchor = QuoteAnchoring.Anchor(Text, "Later the agency")!;
        var edited = "Update: " + Text;

        var moved = QuoteAnchoring.Reanchor(anchor, edited);

        Assert.False(moved.IsOrphaned);
        Assert.Equal(anchor.Start + 8, moved.Start);
        Assert.Equal("Later the agency", edited[moved.Start..moved.End]);
    }

    [Fact]
    public void Reanchor_RepeatedWords_UsesContextNotJustOffset()
    {
        // The second "counted 300 dead" is the anchored one; a long insertion in front puts the
        // first occurrence nearer the old offset, but the context still identifies the second.
        var anchor = QuoteAnchoring.Anchor(Text, "counted 300 dead", nearOffset: 60)!;
        var edited = Text.Replace("Later", "Much later, after a long and careful recount,");

        var moved = QuoteAnchoring.Reanchor(anchor, edited);

        Assert.Equal(edited.LastIndexOf("counted 300 dead", StringComparison.Ordinal), moved.Start);
    }

    [Fact]
    public void Reanchor_WordsRemoved_MarksOrphanedAndKeepsOldPlace()
    {
        var anchor = QuoteAnchoring.Anchor(Text, "counted 300 dead", nearOffset: 60)!;
        var edited = "The agency counted 400 dead. Later it said nothing.";

        var lost = QuoteAnchoring.Reanchor(anchor, edited);

        Assert.True(lost.IsOrphaned);
        Assert.Equal(anchor.Start, lost.Start);
        Assert.Equal("counted 300 dead", lost.Exact);
    }
}
