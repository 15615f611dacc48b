namespace ClaimsTracker.Benchmarks.Scale;

/// <summary>
/// The floors: the least SQL that returns the same page, each served by an index the schema has
/// (primary keys, foreign-key indexes, Reports.PublishedOn, the tsvector GIN indexes,
/// Conflicts (Status, Severity)), with no total counted.
/// </summary>
public static class FloorSql
{
    public const string Figures = """
        SELECT f."ClaimId", f."Id", c."ReportId", r."Title", o."Name" AS "Outlet", r."PublishedOn", r."Url", s."Name" AS "Source",
               v."Name" AS "RelayedVia", c."Summary", c."QuoteExact", m."Key" AS "Metric", f."Scope", f."AsWritten", f."Qualifier",
               f."Low", f."Best", f."High", f."Unit", f."TimeKind", f."TimeStart", f."TimeEnd", f."Rank"
        FROM "Figures" f
        JOIN "Claims" c ON c."Id" = f."ClaimId"
        JOIN "Reports" r ON r."Id" = c."ReportId"
        JOIN "Sources" o ON o."Id" = r."OutletId"
        JOIN "Sources" s ON s."Id" = c."SourceId"
        LEFT JOIN "Sources" v ON v."Id" = c."RelayedViaId"
        JOIN "Metrics" m ON m."Id" = f."MetricId"
        ORDER BY f."ClaimId", f."Id"
        LIMIT 50
        """;

    public const string Conflicts = """
        SELECT k."Id", k."Kind", k."Scope", k."Severity", k."Explanation", m."Name"
        FROM "Conflicts" k JOIN "Metrics" m ON m."Id" = k."MetricId"
        WHERE k."Status" = 'Open'
        ORDER BY k."Severity" DESC, k."Id"
        LIMIT 50
        """;

    public static string ClaimsNewest(string? condition) => $"""
        SELECT c."Id", c."ReportId", r."Title", o."Name" AS "Outlet", r."PublishedOn", s."Name" AS "Source", c."Summary",
               (SELECT string_agg(f."AsWritten", '; ' ORDER BY f."Id") FROM "Figures" f WHERE f."ClaimId" = c."Id") AS "Figures"
        FROM "Claims" c
        JOIN "Reports" r ON r."Id" = c."ReportId"
        JOIN "Sources" o ON o."Id" = r."OutletId"
        JOIN "Sources" s ON s."Id" = c."SourceId"
        {(condition is null ? string.Empty : $"WHERE {condition}")}
        ORDER BY r."PublishedOn" DESC, c."Id"
        LIMIT 50
        """;

    public static string ReportsNewest(string? condition) => $"""
        SELECT r."Id", r."Title", o."Name" AS "Outlet", r."PublishedOn", r."Url"
        FROM "Reports" r JOIN "Sources" o ON o."Id" = r."OutletId"
        {(condition is null ? string.Empty : $"WHERE {condition}")}
        ORDER BY r."PublishedOn" DESC, r."Id" DESC
        LIMIT 50
        """;

    public static string Search(string text) => $"""
        WITH q AS (SELECT websearch_to_tsquery('english', '{text.Replace("'", "''", StringComparison.Ordinal)}') AS query)
        (SELECT 'claim' AS "Kind", c."Id", c."Summary" AS "Title", ts_rank(c."SearchVector", q.query) AS "Rank"
         FROM "Claims" c, q WHERE c."SearchVector" @@ q.query ORDER BY 4 DESC LIMIT 50)
        UNION ALL
        (SELECT 'report', r."Id", r."Title", ts_rank(r."SearchVector", q.query)
         FROM "Reports" r, q WHERE r."SearchVector" @@ q.query ORDER BY 4 DESC LIMIT 50)
        """;

    public static string Sources(string text) => $"""
        SELECT s."Id", s."Name", s."Kind" FROM "Sources" s
        WHERE s."Name" ILIKE '%{text.Replace("'", "''", StringComparison.Ordinal)}%'
        ORDER BY s."Name"
        LIMIT 50
        """;
}
