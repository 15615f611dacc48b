namespace ClaimsTracker.Data.Configurations;

/// <summary>
/// Full-text search settings shared by the stored vectors and the queries: one text-search
/// configuration everywhere, or stems would not match.
/// </summary>
public static class SearchColumns
{
    public const string Configuration = "english";

    /// <summary>Shadow column holding the document's tsvector (not part of the domain model).</summary>
    public const string Vector = "SearchVector";
}
