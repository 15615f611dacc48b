namespace ClaimsTracker.Data.Configurations;

/// <summary>Column sizes, shared with the forms that validate input against them.</summary>
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

    /// <summary>About 200,000 characters: far beyond a news article, well short of a book.</summary>
    public const int ReportText = 200_000;
}
