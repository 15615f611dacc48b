using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Infrastructure;

/// <summary>
/// Where the next page of a sorted list starts: the sort and the key of the last row read. It
/// travels as opaque base64url text; the filter does not travel with it, so callers send the same
/// filter again with the cursor.
/// </summary>
public sealed record SeekCursor(string Sort, bool Descending, IReadOnlyList<JsonElement> Key)
{
    public string Encode()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new CursorJson(Sort, Descending, [.. Key]));
        return Convert.ToBase64String(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a cursor this app wrote; anything else (edited, truncated, foreign) is refused.</summary>
    public static bool TryDecode(string? text, out SeekCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2048)
        {
            return false;
        }

        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var json = JsonSerializer.Deserialize<CursorJson>(Convert.FromBase64String(base64));
            if (json is { S.Length: > 0, K.Length: > 0 })
            {
                cursor = new SeekCursor(json.S, json.D, json.K);
                return true;
            }
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
        }

        return false;
    }

    private sealed record CursorJson(string S, bool D, JsonElement[] K);
}

/// <summary>
/// One sort order of a keyset-paged list: its key columns, ending with the row's unique id, all
/// in one direction so that PostgreSQL compares them as a row value, <c>(a, b, id) &lt; (@a, @b, @id)</c>,
/// which a btree index on the same columns answers without reading the rows before it.
/// </summary>
public sealed class SeekOrder<T>
{
    private static readonly MethodInfo RowGreaterThan = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.GreaterThan), [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;

    private static readonly MethodInfo RowLessThan = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.LessThan), [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;

    private static readonly MethodInfo RowGreaterOrEqual = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.GreaterThanOrEqual), [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;

    private static readonly MethodInfo RowLessOrEqual = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.LessThanOrEqual), [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;

    private readonly LambdaExpression[] parts;
    private readonly int prefixLength;

    private SeekOrder(LambdaExpression[] parts, int prefixLength)
    {
        this.parts = parts;
        this.prefixLength = prefixLength;
    }

    /// <summary>By one column, then the id.</summary>
    internal static SeekOrder<T> Of(LambdaExpression key, LambdaExpression id) => new([key, id], 0);

    /// <summary>
    /// By a column of a joined table and that table's id, then the row's id. The first two also
    /// bound the joined table's index scan on their own, e.g. <c>(report.PublishedOn, report.Id)</c>.
    /// </summary>
    internal static SeekOrder<T> Of(LambdaExpression key, LambdaExpression group, LambdaExpression id) => new([key, group, id], 2);

    /// <summary>The rows after the cursor (if any), in this order.</summary>
    public IQueryable<T> Apply(IQueryable<T> query, bool descending, SeekCursor? after)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (after is not null)
        {
            var values = Values(after);
            var row = Expression.Parameter(typeof(T), "row");
            query = query.Where(Compare(row, values, parts.Length, descending ? RowLessThan : RowGreaterThan));
            if (prefixLength > 0)
            {
                // Redundant with the full comparison, but index-usable on the joined table alone.
                query = query.Where(Compare(row, values, prefixLength, descending ? RowLessOrEqual : RowGreaterOrEqual));
            }
        }

        var ordered = query;
        for (var i = 0; i < parts.Length; i++)
        {
            var method = (i, descending) switch
            {
                (0, false) => nameof(Queryable.OrderBy),
                (0, true) => nameof(Queryable.OrderByDescending),
                (_, false) => nameof(Queryable.ThenBy),
                (_, true) => nameof(Queryable.ThenByDescending),
            };
            ordered = (IQueryable<T>)typeof(Queryable).GetMethods()
                .Single(m => m.Name == method && m.GetParameters().Length == 2)
                .MakeGenericMethod(typeof(T), parts[i].ReturnType)
                .Invoke(null, [ordered, parts[i]])!;
        }

        return ordered;
    }

    /// <summary>The cursor that continues after a row whose key was read with <see cref="WithKey"/>.</summary>
    public SeekCursor CursorOf(object?[] key, string sort, bool descending)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new SeekCursor(sort, descending, [.. key.Select((value, i) => JsonSerializer.SerializeToElement(value, parts[i].ReturnType))]);
    }

    /// <summary>
    /// The projection with this order's key beside each row (so the next page's cursor needs no
    /// second query) and, when given, a scalar that does not depend on the row (the capped count):
    /// PostgreSQL runs such an uncorrelated subquery once per statement, not once per row.
    /// </summary>
    public Expression<Func<T, Keyed<TRow>>> WithKey<TRow>(Expression<Func<T, TRow>> projection, Expression? scalar)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var row = projection.Parameters[0];
        var keyed = typeof(Keyed<TRow>);
        var bindings = new List<MemberBinding>
        {
            Expression.Bind(keyed.GetProperty(nameof(Keyed<TRow>.Row))!, projection.Body),
            Expression.Bind(keyed.GetProperty(nameof(Keyed<TRow>.Key))!, KeyOf(row)),
        };
        if (scalar is not null)
        {
            bindings.Add(Expression.Bind(keyed.GetProperty(nameof(Keyed<TRow>.Scalar))!, scalar));
        }

        return Expression.Lambda<Func<T, Keyed<TRow>>>(Expression.MemberInit(Expression.New(keyed), bindings), row);
    }

    private NewArrayExpression KeyOf(ParameterExpression row) =>
        Expression.NewArrayInit(typeof(object), parts.Select(p => Expression.Convert(Rebind(p, row), typeof(object))));

    /// <summary>True when the cursor's key has this order's shape and types.</summary>
    public bool Fits(SeekCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        try
        {
            _ = Values(cursor);
            return true;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return false;
        }
    }

    private object?[] Values(SeekCursor cursor)
    {
        if (cursor.Key.Count != parts.Length)
        {
            throw new InvalidOperationException("The cursor belongs to another order.");
        }

        return [.. cursor.Key.Select((element, i) => element.Deserialize(parts[i].ReturnType)
            ?? (parts[i].ReturnType.IsValueType ? throw new InvalidOperationException("A key part is missing.") : null))];
    }

    private Expression<Func<T, bool>> Compare(ParameterExpression row, object?[] values, int length, MethodInfo comparison)
    {
        var types = parts.Take(length).Select(p => p.ReturnType).ToArray();
        var tupleType = TupleType(types);
        var columns = Expression.New(tupleType.GetConstructor(types)!, parts.Take(length).Select(p => Rebind(p, row)));
        // Boxed values read through a closure, so EF sends them as parameters, not literals.
        var constants = Expression.New(tupleType.GetConstructor(types)!,
            values.Take(length).Select((value, i) => (Expression)Expression.Convert(
                Expression.Field(Expression.Constant(new StrongBox<object?>(value)), nameof(StrongBox<object?>.Value)), types[i])));
        var call = Expression.Call(comparison, Expression.Constant(EF.Functions),
            Expression.Convert(columns, typeof(ITuple)), Expression.Convert(constants, typeof(ITuple)));
        return Expression.Lambda<Func<T, bool>>(call, row);
    }

    private static Type TupleType(Type[] types) => types.Length switch
    {
        2 => typeof(ValueTuple<,>).MakeGenericType(types),
        3 => typeof(ValueTuple<,,>).MakeGenericType(types),
        _ => throw new NotSupportedException("Keys have two or three parts."),
    };

    private static Expression Rebind(LambdaExpression lambda, ParameterExpression row) =>
        new Rebinder(lambda.Parameters[0], row).Visit(lambda.Body);

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>The sort orders one list offers, by the column names clients and grids use.</summary>
public sealed class SeekOrders<T>(string defaultSort, bool defaultDescending, Expression<Func<T, int>> id)
{
    private readonly Dictionary<string, SeekOrder<T>> orders = new(StringComparer.OrdinalIgnoreCase);

    public Expression<Func<T, int>> Id => id;

    /// <summary>The order a request without a sort gets.</summary>
    public string DefaultSort => defaultSort;

    public bool DefaultDescending => defaultDescending;

    /// <summary>A sort by one column of the row, then its id.</summary>
    public SeekOrders<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        orders[name] = SeekOrder<T>.Of(key, id);
        return this;
    }

    /// <summary>A sort by a joined table's column and that table's id, then the row's id.</summary>
    public SeekOrders<T> Add<TKey, TGroup>(string name, Expression<Func<T, TKey>> key, Expression<Func<T, TGroup>> group)
    {
        orders[name] = SeekOrder<T>.Of(key, group, id);
        return this;
    }

    public IReadOnlyCollection<string> Names => orders.Keys;

    public bool IsKnown(string? sort) => sort is null || orders.ContainsKey(sort);

    /// <summary>The order a request asks for; an unknown or missing sort is the list's default.</summary>
    public (string Name, SeekOrder<T> Order, bool Descending) Resolve(PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var sort = page.EffectiveSort;
        return sort is not null && orders.TryGetValue(sort, out var order)
            ? (orders.Keys.First(k => string.Equals(k, sort, StringComparison.OrdinalIgnoreCase)), order, page.EffectiveDescending)
            : (defaultSort, orders[defaultSort], defaultDescending);
    }

    /// <summary>Whether the cursor was written by one of these orders.</summary>
    public bool Fits(SeekCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return orders.TryGetValue(cursor.Sort, out var order) && order.Fits(cursor);
    }

    /// <summary>
    /// One page in one round trip: the rows after the cursor (or the offset) with their sort keys,
    /// one row more than asked to know whether there is a next page, and the matches counted up to
    /// the cap in the same statement. Only a page that comes back empty after a cursor or an offset
    /// counts on its own, since the statement then had no row to carry the count.
    /// </summary>
    public async Task<ListPage<TRow>> PageAsync<TRow>(
        IQueryable<T> filtered, PageRequest page, Expression<Func<T, TRow>> projection, Func<TRow, int> idOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filtered);
        // The cursor now comes from each row's key read beside it; idOf stays so that callers need not change.
        ArgumentNullException.ThrowIfNull(idOf);
        var (name, order, descending) = Resolve(page);
        var cursor = page.Cursor is { } given && string.Equals(given.Sort, name, StringComparison.OrdinalIgnoreCase) ? given : null;
        var cappedCount = CappedCount(filtered);
        var read = await order.Apply(filtered, descending, cursor)
            .Skip(cursor is null ? page.SafeSkip : 0).Take(page.SafeTake + 1)
            .Select(order.WithKey(projection, cappedCount))
            .ToListAsync(cancellationToken);
        var counted = read.Count > 0 ? read[0].Scalar
            : cursor is null && page.SafeSkip == 0 ? 0
            : await filtered.Take(ListPage.CountCap + 1).CountAsync(cancellationToken);
        string? next = null;
        if (read.Count > page.SafeTake)
        {
            read.RemoveAt(read.Count - 1);
            next = order.CursorOf(read[^1].Key, name, descending).Encode();
        }

        return new ListPage<TRow>([.. read.Select(r => r.Row)], Math.Min(counted, ListPage.CountCap), counted > ListPage.CountCap, next);
    }

    /// <summary><c>filtered.Take(cap + 1).Count()</c> as an expression, to be read inside the page's own statement.</summary>
    private static MethodCallExpression CappedCount(IQueryable<T> filtered) =>
        Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(T)],
            Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], filtered.Expression, Expression.Constant(ListPage.CountCap + 1)));
}

/// <summary>A list row read together with its sort key and a per-statement scalar (the capped count).</summary>
public sealed class Keyed<TRow>
{
    public TRow Row { get; init; } = default!;

    public object?[] Key { get; init; } = [];

    public int Scalar { get; init; }
}
