using System.Globalization;
using ClaimsTracker.Web.Infrastructure;

namespace ClaimsTracker.Web.Components.Grids;

/// <summary>
/// What a list page rendered without a circuit shows, read from its address: the search text (<c>q</c>), the sort
/// (<c>sort</c> and <c>desc</c>, or the form's <c>order</c> with both in one value), the page size (<c>size</c>) and
/// the page (<c>page</c>, 1-based, with the seek cursor <c>after</c> when it was reached by "next"). Every link the
/// page draws is made here, so the query string stays the whole view. The claims explorer has its own, with more
/// filters (<c>ClaimsExplorerView</c>).
/// </summary>
public sealed record StaticListView
{
    public const int MaxPage = 10_000;
    public const int MaxSearchLength = 200;
    public static readonly IReadOnlyList<int> PageSizes = [20, 50, 100];

    private StaticListView(string path, string defaultSort, bool defaultDescending)
    {
        Path = path;
        DefaultSort = defaultSort;
        DefaultDescending = defaultDescending;
    }

    /// <summary>The page's own address, without a query.</summary>
    public string Path { get; }

    public string DefaultSort { get; }
    public bool DefaultDescending { get; }

    public string? Search { get; private init; }

    /// <summary>The column sorted by, as the address wrote it; null is the list's default.</summary>
    public string? Sort { get; private init; }
    public bool Descending { get; private init; }
    public int Size { get; private init; } = PageRequest.DefaultSize;

    /// <summary>1-based.</summary>
    public int Page { get; private init; } = 1;

    private SeekCursor? cursor;

    /// <summary>What the address got wrong, by parameter; a view with problems is not queried.</summary>
    public IReadOnlyDictionary<string, string> Problems { get; private init; } = new Dictionary<string, string>();

    /// <summary>The sort in force and its direction, defaults included.</summary>
    public string EffectiveSort => Sort ?? DefaultSort;
    public bool EffectiveDescending => Sort is null ? DefaultDescending : Descending;

    /// <summary>The "Sort by" field's value: empty for the default, else the column and " desc" when descending.</summary>
    public string Order => Sort is null ? string.Empty : Descending ? $"{Sort} desc" : Sort;

    /// <summary>By cursor when the page was reached by "next", else by offset (a link, a refresh, "previous").</summary>
    public PageRequest Request => new((Page - 1) * Size, Size, Sort, Descending, cursor);

    /// <summary>An empty view for the first render, before the address is read.</summary>
    public static StaticListView Empty(string path) => new(path, string.Empty, false);

    /// <summary>Reads the address against the list's sort orders; empty values count as absent, anything unreadable lands in <see cref="Problems"/>.</summary>
    public static StaticListView Read<T>(string path, SeekOrders<T> orders, Func<string, string?> query)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(query);
        var problems = new Dictionary<string, string>();
        string? Text(string name) => string.IsNullOrWhiteSpace(query(name)) ? null : query(name)!.Trim();

        int? Number(string name, int max, string message)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max)
            {
                return value;
            }

            problems[name] = message;
            return null;
        }

        var search = Text("q");
        if (search is { Length: > MaxSearchLength })
        {
            problems["q"] = $"Search is at most {MaxSearchLength} characters.";
            search = null;
        }

        // The form's "order" carries sort and direction in one value ("Title desc"); links carry them apart.
        var (sortText, descText) = Text("order") is { } order ? SplitOrder(order) : (Text("sort"), Text("desc"));
        var sortName = Text("order") is null ? "sort" : "order";
        if (sortText is not null && !orders.IsKnown(sortText))
        {
            problems[sortName] = $"Sort by one of: {string.Join(", ", orders.Names)}.";
            sortText = null;
        }

        // The column as the list names it, so links and cursors agree whatever case the address used.
        var sort = sortText is null ? null : orders.Names.First(n => string.Equals(n, sortText, StringComparison.OrdinalIgnoreCase));
        var descending = false;
        if (descText is not null && !bool.TryParse(descText, out descending))
        {
            problems[sortName == "order" ? "order" : "desc"] = sortName == "order" ? "Order is a column, then “desc” or nothing." : "Desc is “true” or “false”.";
        }

        var size = Number("size", PageRequest.MaxSize, $"Rows per page is a number from 1 to {PageRequest.MaxSize}.") ?? PageRequest.DefaultSize;
        var page = Number("page", MaxPage, $"Page is a number from 1 to {MaxPage:N0}.") ?? 1;

        SeekCursor? cursor = null;
        if (Text("after") is { } after)
        {
            // A cursor belongs to one sort: one from another list or another sort would read the wrong rows.
            if (SeekCursor.TryDecode(after, out var decoded) && orders.Fits(decoded!)
                && string.Equals(decoded!.Sort, sort ?? orders.DefaultSort, StringComparison.OrdinalIgnoreCase)
                && decoded.Descending == (sort is null ? orders.DefaultDescending : descending))
            {
                cursor = decoded;
            }
            else
            {
                problems["after"] = "This page's start is not one this list wrote; go back to the first page.";
            }
        }

        return new StaticListView(path, orders.DefaultSort, orders.DefaultDescending)
        {
            Search = search,
            Sort = sort,
            Descending = sort is not null && descending,
            Size = size,
            Page = page,
            cursor = cursor,
            Problems = problems,
        };
    }

    private static (string? Sort, string? Desc) SplitOrder(string order)
    {
        var parts = order.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            1 => (parts[0], null),
            _ => (parts[0], parts[1] == "desc" ? "true" : parts[1]),
        };
    }

    /// <summary>This view's search with another sort, size or page: the address a link on the page goes to.</summary>
    public string Href(string? sort = null, bool? descending = null, int? size = null, int? page = null, string? after = null, bool keepSort = true)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        if (Search is not null)
        {
            parameters.Add(new("q", Search));
        }

        var sortBy = keepSort ? sort ?? Sort : sort;
        return ListAddress.Of(Path, parameters, sortBy, descending ?? (keepSort && Descending), size ?? Size, page, after);
    }

    /// <summary>The header link of a column: sorts by it, or turns its direction round when it is the sort in force.</summary>
    public string SortHref(string column) =>
        Href(sort: column, descending: ListAddress.HeaderSortsDescending(column, EffectiveSort, EffectiveDescending), keepSort: false);

    /// <summary>"ascending", "descending" or "none", for the column header's aria-sort.</summary>
    public string AriaSort(string column) => ListAddress.AriaSort(column, EffectiveSort, EffectiveDescending);

    /// <summary>The page before: read by offset, as a link or a refresh would.</summary>
    public string PreviousHref() => Href(page: Page - 1);

    public string NextHref(string next) => Href(page: Page + 1, after: next);

    /// <summary>"1–20 of 1,000+" for the pager.</summary>
    public string PagerInfo<TRow>(ListPage<TRow>? page, string noun)
    {
        if (page is null || page.Items.Count == 0)
        {
            return $"0 {noun}";
        }

        var first = ((Page - 1) * Size) + 1;
        var last = first + page.Items.Count - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{first:N0}–{last:N0} of {ListPage.TotalText(page)}");
    }
}
