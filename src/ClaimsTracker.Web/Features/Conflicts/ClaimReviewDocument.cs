using System.Globalization;

namespace ClaimsTracker.Web.Features.Conflicts;

/// <summary>
/// A resolved conflict as schema.org ClaimReview JSON-LD, one review per figure: the preferred
/// figure rated "Supported", the others "Disputed", each with the reviewer's rationale.
/// </summary>
public static class ClaimReviewDocument
{
    public static object For(ConflictDetail detail, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var url = $"{baseUrl}/conflicts/{detail.Conflict.Id}";
        return new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@graph"] = detail.Figures.Select(figure =>
            {
                // The preferred statement is supported in every report that carries it.
                var preferred = figure.FigureId == detail.State.PreferredFigureId
                    || detail.Figures.Any(f => f.FigureId == detail.State.PreferredFigureId && f.Position == figure.Position && f.Position > 0);
                return new Dictionary<string, object?>
                {
                    ["@type"] = "ClaimReview",
                    ["url"] = url,
                    ["datePublished"] = detail.State.ResolvedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["author"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = "ClaimsTracker" },
                    ["claimReviewed"] = $"{figure.Source}: “{figure.AsWritten}” ({detail.Conflict.Metric}, {figure.Time})",
                    ["reviewBody"] = detail.State.Rationale,
                    ["reviewRating"] = new Dictionary<string, object?>
                    {
                        ["@type"] = "Rating",
                        ["ratingValue"] = preferred ? 5 : 2,
                        ["bestRating"] = 5,
                        ["worstRating"] = 1,
                        ["alternateName"] = preferred ? "Supported" : "Disputed",
                    },
                    ["itemReviewed"] = new Dictionary<string, object?>
                    {
                        ["@type"] = "Claim",
                        ["author"] = new Dictionary<string, object?> { ["@type"] = "Thing", ["name"] = figure.Source },
                        ["appearance"] = new Dictionary<string, object?>
                        {
                            ["@type"] = "NewsArticle",
                            ["headline"] = figure.ReportTitle,
                            ["publisher"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = figure.Outlet },
                            ["datePublished"] = figure.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            ["url"] = $"{baseUrl}/reports/{figure.ReportId}",
                        },
                        ["text"] = figure.Quote,
                    },
                };
            }).ToList(),
        };
    }
}
