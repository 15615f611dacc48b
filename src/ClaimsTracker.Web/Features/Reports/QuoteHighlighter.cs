namespace ClaimsTracker.Web.Features.Reports;

/// <summary>A run of report text, either plain or the quote of a claim.</summary>
public sealed record TextSegment(string Text, int? ClaimId, bool Orphaned = false);

/// <summary>Cuts a report's text into plain runs and highlighted claim quotes.</summary>
public static class QuoteHighlighter
{
    /// <summary>
    /// Quotes are placed by their offsets. Where two quotes overlap, the later one starts where the
    /// earlier ends, so every character is shown once. Orphaned quotes (their words left the text)
    /// are not placed at all: highlighting other words would mislead.
    /// </summary>
    public static IReadOnlyList<TextSegment> Segments(string text, IEnumerable<ClaimView> claims)
    {
        var segments = new List<TextSegment>();
        var position = 0;
        foreach (var claim in claims.Where(c => !c.QuoteIsOrphaned).OrderBy(c => c.QuoteStart).ThenBy(c => c.Id))
        {
            var start = Math.Max(position, claim.QuoteStart);
            var end = Math.Min(text.Length, claim.QuoteEnd);
            if (end <= start)
            {
                continue;
            }

            if (start > position)
            {
                segments.Add(new TextSegment(text[position..start], null));
            }

            segments.Add(new TextSegment(text[start..end], claim.Id));
            position = end;
        }

        if (position < text.Length)
        {
            segments.Add(new TextSegment(text[position..], null));
        }

        return segments;
    }
}
