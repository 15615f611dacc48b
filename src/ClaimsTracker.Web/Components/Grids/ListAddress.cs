using System.Globalization;
using ClaimsTracker.Web.Infrastructure;

namespace ClaimsTracker.Web.Components.Grids;

/// <summary>
/// The address of a list rendered without a circuit: its filter, then the sort, the page size and
/// the page with the seek position that reached it. One place, so every static list writes its links
/// the same way (<see cref="StaticListView"/>, the claims explorer's view).
/// </summary>
public static class ListAddress
{
    public static string Of(string path, List<KeyValuePair<string, string?>> filter, string? sort, bool descending, int size, int? page, string? after)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (sort is not null)
        {
            filter.Add(new("sort", sort));
            if (descending)
            {
                filter.Add(new("desc", "true"));
            }
        }

        if (size != PageRequest.DefaultSize)
        {
            filter.Add(new("size", size.ToString(CultureInfo.InvariantCulture)));
        }

        if (page is > 1)
        {
            filter.Add(new("page", page.Value.ToString(CultureInfo.InvariantCulture)));
            if (after is not null)
            {
                filter.Add(new("after", after));
            }
        }

        return path + QueryString.Create(filter).ToUriComponent();
    }

    /// <summary>Whether a column's header link sorts descending: only to turn round the sort in force.</summary>
    public static bool HeaderSortsDescending(string column, string effectiveSort, bool effectiveDescending) =>
        string.Equals(column, effectiveSort, StringComparison.OrdinalIgnoreCase) && !effectiveDescending;

    /// <summary>"ascending", "descending" or "none", for a column header's aria-sort.</summary>
    public static string AriaSort(string column, string effectiveSort, bool effectiveDescending) =>
        !string.Equals(column, effectiveSort, StringComparison.OrdinalIgnoreCase) ? "none" : effectiveDescending ? "descending" : "ascending";
}
