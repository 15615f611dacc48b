namespace ClaimsTracker.Web.Infrastructure;

/// <summary>Reads a list's paging parameters from a query string, refusing an unknown sort or a foreign cursor with 400.</summary>
public static class ListRequests
{
    public static bool TryRead<T>(SeekOrders<T> orders, int? skip, int? take, string? sort, bool? desc, string? cursor, out PageRequest page, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(orders);
        page = new PageRequest(skip ?? 0, take ?? PageRequest.DefaultSize, sort, desc ?? false);
        problem = null;
        if (!orders.IsKnown(sort))
        {
            problem = TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["sort"] = [$"Sort by one of: {string.Join(", ", orders.Names)}."],
            });
            return false;
        }

        if (cursor is not null)
        {
            if (!SeekCursor.TryDecode(cursor, out var decoded) || !orders.Fits(decoded!))
            {
                problem = TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["cursor"] = ["Send the “next” value of the previous page as it was given."],
                });
                return false;
            }

            page = page with { Cursor = decoded };
        }

        return true;
    }
}
