namespace ClaimsTracker.Domain.Common;

/// <summary>
/// Field sizes: the entities check against them and the EF configurations size the columns by
/// them, so a value that passes the rules always fits its column.
/// </summary>
public static class Limits
{
    public const int Name = 200;
    public const int Title = 500;
    public const int Url = 2048;
    public const int Summary = 1000;
    public const int Quote = 4000;
    public const int AsWritten = 200;
    public const int Scope = 200;
    public const int Rationale = 4000;
    public const int Explanation = 1000;
    public const int MetricKey = 100;
    public const int Unit = 64;
    public const int Language = 16;

    /// <summary>About 200,000 characters: far beyond a news article, well short of a book.</summary>
    public const int ReportText = 200_000;

    /// <summary>A typed author list: a handful of names.</summary>
    public const int Authors = Name * 5;
}
