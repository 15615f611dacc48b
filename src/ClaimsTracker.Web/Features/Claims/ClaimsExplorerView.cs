using System.Globalization;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Web.Components.Grids;
using ClaimsTracker.Web.Infrastructure;

namespace ClaimsTracker.Web.Features.Claims;

/// <summary>
/// What the statically rendered explorer shows, read from its address: the filter, the sort, the
/// page size and the page (a 1-based number, with the cursor where it starts when it was reached by
/// "next"). Every link the page draws is made here, so the query string stays the whole view.
/// </summary>
public sealed record ClaimsExplorerView
{
    public const string Path = "/claims";
    public const int MaxPage = 10_000;
    public static readonly IReadOnlyList<int> PageSizes = [20, 50, 100];

    public string? Source { get; private init; }
    public int? OutletId { get; private init; }
    public int? MetricId { get; private init; }
    public FigureKind? Kind { get; private init; }
    public DateOnly? From { get; private init; }
    public DateOnly? To { get; private init; }

    /// <summary>"open", "none" or null.</summary>
    public string? Conflict { get; private init; }

    /// <summary>The column sorted by, as the address wrote it; null is the list's default (newest first).</summary>
    public string? Sort { get; private init; }
    public bool Descending { get; private init; }
    public int Size { get; private init; } = PageRequest.DefaultSize;

    /// <summary>1-based.</summary>
    public int Page { get; private init; } = 1;

    /// <summary>Where this page starts, when it was reached by the previous page's "next".</summary>
    public string? After { get; private init; }
    private SeekCursor? cursor;

    /// <summary>What the address got wrong, by parameter; a view with problems is not queried.</summary>
    public IReadOnlyDictionary<string, string> Problems { get; private init; } = new Dictionary<string, string>();

    /// <summary>The sort in force and its direction, defaults included.</summary>
    public string EffectiveSort => Sort ?? nameof(ClaimRow.PublishedOn);
    public bool EffectiveDescending => Sort is null || Descending;

    public ClaimFilter Filter => new()
    {
        Source = Source,
        OutletId = OutletId,
        MetricId = MetricId,
        Kind = Kind,
        From = From,
        To = To,
        HasConflict = Conflict switch { "open" => true, "none" => false, _ => null },
    };

    /// <summary>By cursor when the page was reached by "next", else by offset (a link, a refresh, "previous").</summary>
    public PageRequest Request => new((Page - 1) * Size, Size, Sort, Descending, cursor);

    /// <summary>Reads the address; empty values count as absent, anything unreadable lands in <see cref="Problems"/>.</summary>
    public static ClaimsExplorerView Read(Func<string, string?> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = new Dictionary<string, string>();
        string? Text(string name) => string.IsNullOrWhiteSpace(query(name)) ? null : query(name)!.Trim();

        int? Number(string name, int min, int max, string message)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            problems[name] = message;
            return null;
        }

        DateOnly? Day(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            problems[name] = "Write the day as yyyy-mm-dd.";
            return null;
        }

        FigureKind? kind = null;
        if (Text("kind") is { } kindText)
        {
            // By name only: Enum.TryParse would also take numbers.
            if (Enum.GetNames<FigureKind>().FirstOrDefault(n => string.Equals(n, kindText, StringComparison.OrdinalIgnoreCase)) is { } name)
            {
                kind = Enum.Parse<FigureKind>(name);
            }
            else
            {
                problems["kind"] = $"Kind is one of: {string.Join(", ", Enum.GetNames<FigureKind>())}.";
            }
        }

        var conflict = Text("conflict")?.ToLowerInvariant();
        if (conflict is not null and not "open" and not "none")
        {
            problems["conflict"] = "Conflict is “open” or “none”.";
            conflict = null;
        }

        var sort = Text("sort");
        if (sort is not null && !ClaimQueries.Orders.IsKnown(sort))
        {
            problems["sort"] = $"Sort by one of: {string.Join(", ", ClaimQueries.Orders.Names)}.";
            sort = null;
        }

        var descending = Text("desc") switch
        {
            null => false,
            var d when bool.TryParse(d, out var value) => value,
            _ => Problem("desc", "Desc is “true” or “false”."),
        };

        var size = Number("size", 1, PageRequest.MaxSize, $"Rows per page is a number from 1 to {PageRequest.MaxSize}.") ?? PageRequest.DefaultSize;
        var page = Number("page", 1, MaxPage, $"Page is a number from 1 to {MaxPage:N0}.") ?? 1;

        SeekCursor? cursor = null;
        var after = Text("after");
        if (after is not null)
        {
            // A cursor belongs to one sort: one from another list or another sort would read the wrong rows.
            if (SeekCursor.TryDecode(after, out var decoded) && ClaimQueries.Orders.Fits(decoded!)
                && string.Equals(decoded!.Sort, sort ?? nameof(ClaimRow.PublishedOn), StringComparison.OrdinalIgnoreCase)
                && decoded.Descending == (sort is null || descending))
            {
                cursor = decoded;
            }
            else
            {
                problems["after"] = "This page's start is not one this list wrote; go back to the first page.";
                after = null;
            }
        }

        return new ClaimsExplorerView
        {
            Source = Text("source"),
            OutletId = Number("outlet", 1, int.MaxValue, "Outlet is an outlet's number."),
            MetricId = Number("metric", 1, int.MaxValue, "Metric is a metric's number."),
            Kind = kind,
            From = Day("from"),
            To = Day("to"),
            Conflict = conflict,
            Sort = sort,
            Descending = sort is not null && descending,
            Size = size,
            Page = page,
            After = after,
            cursor = cursor,
            Problems = problems,
        };

        bool Problem(string name, string message)
        {
            problems[name] = message;
            return false;
        }
    }

    /// <summary>This view's filter with another sort, size or page: the address a link on the page goes to.</summary>
    public string Href(string? sort = null, bool? descending = null, int? size = null, int? page = null, string? after = null, bool keepSort = true)
    {
        var sortBy = keepSort ? sort ?? Sort : sort;
        return ListAddress.Of(Path, FilterParameters(), sortBy, descending ?? (keepSort && Descending), size ?? Size, page, after);
    }

    /// <summary>The header link of a column: sorts by it, or turns its direction round when it is the sort in force.</summary>
    public string SortHref(string column) =>
        Href(sort: column, descending: ListAddress.HeaderSortsDescending(column, EffectiveSort, EffectiveDescending), keepSort: false);

    /// <summary>"ascending", "descending" or "none", for the column header's aria-sort.</summary>
    public string AriaSort(string column) => ListAddress.AriaSort(column, EffectiveSort, EffectiveDescending);

    /// <summary>The page before: read by offset, as a link or a refresh would.</summary>
    public string PreviousHref() => Href(page: Page - 1);

    public string NextHref(string next) => Href(page: Page + 1, after: next);

    private List<KeyValuePair<string, string?>> FilterParameters()
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parameters.Add(new(name, value));
            }
        }

        Add("source", Source);
        Add("outlet", OutletId?.ToString(CultureInfo.InvariantCulture));
        Add("metric", MetricId?.ToString(CultureInfo.InvariantCulture));
        Add("kind", Kind?.ToString());
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("conflict", Conflict);
        return parameters;
    }
}
