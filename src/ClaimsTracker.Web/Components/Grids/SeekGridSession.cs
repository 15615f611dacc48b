using System.Globalization;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ClaimsTracker.Web.Components.Grids;

/// <summary>
/// A server-data grid over a keyset-paged list: page and sort in the URL, and the cursor where
/// each page the grid has reached starts, so "next page" seeks by key instead of skipping rows.
/// A page reached any other way (a link, a refresh, a jump) is read once by offset.
/// </summary>
public sealed class SeekGridSession<T>
{
    private readonly Dictionary<int, SeekCursor> pageStarts = [];
    private (string? Sort, bool Descending, int Size) shape;
    // A page from the URL that the grid has not reached yet: it starts on page one, then moves there.
    private int? restorePage;

    public GridUrlState UrlState { get; private set; } = GridUrlState.From(null, null, null);

    /// <summary>True when the last page's count stopped at the cap ("1,000+").</summary>
    public bool TotalIsCapped { get; private set; }

    /// <summary>The pager's text: the exact count, or the cap with a plus.</summary>
    public string PagerInfo => TotalIsCapped
        ? "{first_item}-{last_item} of " + ListPage.CountCap.ToString("N0", CultureInfo.InvariantCulture) + "+"
        : "{first_item}-{last_item} of {all_items}";

    /// <summary>Starts over from the URL (a new filter, or the first render).</summary>
    public void Reset(int? page, string? sort, bool? descending)
    {
        UrlState = GridUrlState.From(page, sort, descending);
        restorePage = UrlState.PageIndex > 0 ? UrlState.PageIndex : null;
        pageStarts.Clear();
    }

    public SortDirection Direction(string column) =>
        UrlState.SortBy == column ? (UrlState.Descending ? SortDirection.Descending : SortDirection.Ascending) : SortDirection.None;

    /// <summary>What to read for the grid's state: by cursor when the grid walked here, else by offset.</summary>
    public PageRequest Request(GridState<T> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var request = GridUrlState.ToPageRequest(state, UrlState);
        var now = (request.SortBy, request.Descending, request.Take);
        if (now != shape)
        {
            // Cursors belong to one sort and page size.
            shape = now;
            pageStarts.Clear();
        }

        return pageStarts.TryGetValue(state.Page, out var cursor) ? request with { Cursor = cursor } : request;
    }

    /// <summary>Remembers where the next page starts, keeps the URL in step, and gives the grid its rows.</summary>
    public GridData<T> Complete(GridState<T> state, ListPage<T> page, MudDataGrid<T>? grid, NavigationManager navigation, Func<Func<Task>, Task> invokeAsync)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(navigation);
        ArgumentNullException.ThrowIfNull(invokeAsync);
        if (page.Next is not null && SeekCursor.TryDecode(page.Next, out var next))
        {
            pageStarts[state.Page + 1] = next!;
        }

        TotalIsCapped = page.TotalIsCapped;
        // Past the cap the grid must still offer "next page" while there is one.
        var reached = (state.Page * state.PageSize) + page.Items.Count + (page.Next is null ? 0 : 1);
        var data = new GridData<T> { Items = page.Items, TotalItems = Math.Max(page.Total, reached) };

        if (restorePage is { } target)
        {
            restorePage = null;
            if (state.Page != target && grid is not null)
            {
                // Move the grid to the URL's page once it has loaded; the URL stays as it is meanwhile.
                _ = invokeAsync(async () =>
                {
#pragma warning disable BL0005 // The grid offers no method to jump to a page by number.
                    grid.CurrentPage = target;
#pragma warning restore BL0005
                    await grid.ReloadServerData();
                });
                return data;
            }
        }

        var now = GridUrlState.From(state);
        if (now.SortBy is null && UrlState.SortBy is not null)
        {
            now = now with { SortBy = UrlState.SortBy, Descending = UrlState.Descending };
        }

        if (now != UrlState)
        {
            UrlState = now;
            navigation.NavigateTo(now.ApplyTo(navigation), replace: true);
        }

        return data;
    }
}
