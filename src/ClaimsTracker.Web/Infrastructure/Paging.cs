namespace ClaimsTracker.Web.Infrastructure;

/// <summary>One page of a server-side query and the number of rows the filter matched.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Which page to read; the size is capped so no request can ask for the whole table.</summary>
public sealed record PageRequest(int Skip = 0, int Take = PageRequest.DefaultSize, string? SortBy = null, bool Descending = false)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 200;

    public int SafeSkip => Math.Max(0, Skip);
    public int SafeTake => Math.Clamp(Take, 1, MaxSize);
}
