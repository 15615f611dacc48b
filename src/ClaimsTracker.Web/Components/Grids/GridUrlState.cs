using System.Globalization;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ClaimsTracker.Web.Components.Grids;

/// <summary>
/// A server-data grid's page and sort as they travel in the URL (<c>page</c> is 1-based,
/// <c>sort</c> a column name, <c>desc</c> present when descending), so Back and refresh return
/// to the same rows.
/// </summary>
public sealed record GridUrlState(int PageIndex, string? SortBy, bool Descending)
{
    public static GridUrlState From(int? page, string? sort, bool? descending) =>
        new(Math.Max(0, (page ?? 1) - 1), string.IsNullOrWhiteSpace(sort) ? null : sort, descending == true);

    public static GridUrlState From<T>(GridState<T> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sort = state.SortDefinitions.FirstOrDefault();
        return new(state.Page, sort?.SortBy, sort?.Descending ?? false);
    }

    /// <summary>The query the server runs: the grid's own state, or the URL's sort until the grid has one.</summary>
    public static PageRequest ToPageRequest<T>(GridState<T> state, GridUrlState fallback)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(fallback);
        var sort = state.SortDefinitions.FirstOrDefault();
        return new PageRequest(state.Page * state.PageSize, state.PageSize, sort?.SortBy ?? fallback.SortBy, sort is null ? fallback.Descending : sort.Descending);
    }

    /// <summary>The current address with this page and sort written into it (filters untouched).</summary>
    public string ApplyTo(NavigationManager navigation)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        return navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["page"] = PageIndex > 0 ? (PageIndex + 1).ToString(CultureInfo.InvariantCulture) : null,
            ["sort"] = SortBy,
            ["desc"] = Descending && SortBy is not null ? "true" : null,
        });
    }
}
