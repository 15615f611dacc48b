namespace ClaimsTracker.Web.Infrastructure;

/// <summary>One page of a server-side query and the number of rows the filter matched.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total);

/// <summary>
/// One page of a keyset-paged list. <see cref="Total"/> is counted only up to
/// <see cref="ListPage.CountCap"/>: with <see cref="TotalIsCapped"/> it means "at least this many".
/// <see cref="Next"/> is the opaque cursor of the following page, null on the last one.
/// </summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, bool TotalIsCapped, string? Next);

public static class ListPage
{
    /// <summary>Lists count at most this many matches; beyond it they say "1,000+".</summary>
    public const int CountCap = 1000;

    /// <summary>"1,000+" when the count stopped at the cap, else the exact number.</summary>
    public static string TotalText<T>(ListPage<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.TotalIsCapped
            ? page.Total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + "+"
            : page.Total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Which page to read; the size is capped so no request can ask for the whole table. With a
/// <see cref="Cursor"/> (from a previous page's <c>next</c>) the list seeks past that row and
/// ignores <see cref="Skip"/>; without one, <see cref="Skip"/> still works as an offset.
/// </summary>
public sealed record PageRequest(int Skip = 0, int Take = PageRequest.DefaultSize, string? SortBy = null, bool Descending = false, SeekCursor? Cursor = null)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 200;

    public int SafeSkip => Cursor is null ? Math.Max(0, Skip) : 0;
    public int SafeTake => Math.Clamp(Take, 1, MaxSize);

    /// <summary>The sort in force: the cursor's own when there is one, so a cursor alone continues its list.</summary>
    public string? EffectiveSort => Cursor?.Sort ?? SortBy;

    public bool EffectiveDescending => Cursor?.Descending ?? Descending;
}
