using System.Diagnostics;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;
using Npgsql;
using NpgsqlTypes;

namespace ClaimsTracker.Benchmarks.Scale;

/// <summary>
/// Writes a generated newsroom with binary COPY: reports, claims and figures stream through three
/// connections at once while they are generated, so a million figures take minutes, not hours.
/// Foreign-key triggers are off on those connections (session_replication_role = replica): the
/// rows are consistent by construction, and the three streams could not otherwise commit apart.
/// </summary>
public static class BulkLoader
{
    private static readonly DateTimeOffset EnteredAt = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static async Task<TimeSpan> LoadAsync(string connectionString, NewsroomData data, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        await using var catalogue = await OpenAsync(connectionString);
        await CopySourcesAsync(catalogue, data);
        await CopyMetricsAsync(catalogue, data);

        await using var reportConnection = await OpenAsync(connectionString);
        await using var claimConnection = await OpenAsync(connectionString);
        await using var figureConnection = await OpenAsync(connectionString);
        await using (var reports = await reportConnection.BeginBinaryImportAsync(
            "COPY \"Reports\" (\"Id\", \"Title\", \"OutletId\", \"Authors\", \"PublishedOn\", \"Url\", \"Language\", \"Text\", \"TextSketch\", \"EnteredBy\", \"EnteredAt\") FROM STDIN (FORMAT BINARY)"))
        await using (var claims = await claimConnection.BeginBinaryImportAsync(
            "COPY \"Claims\" (\"Id\", \"ReportId\", \"SourceId\", \"RelayedViaId\", \"Summary\", \"QuoteExact\", \"QuotePrefix\", \"QuoteSuffix\", \"QuoteStart\", \"QuoteEnd\", \"QuoteIsOrphaned\") FROM STDIN (FORMAT BINARY)"))
        await using (var figures = await figureConnection.BeginBinaryImportAsync(
            "COPY \"Figures\" (\"Id\", \"ClaimId\", \"MetricId\", \"Kind\", \"Scope\", \"ScopeKey\", \"AsWritten\", \"Qualifier\", \"Low\", \"Best\", \"High\", \"TimeKind\", \"TimeStart\", \"TimeEnd\", \"TimeAsWritten\", \"Rank\") FROM STDIN (FORMAT BINARY)"))
        {
            int claimId = 0, figureId = 0;
            var scopeKeys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var report in data.Reports(1, data.Shape.Reports))
            {
                await reports.StartRowAsync();
                await reports.WriteAsync(report.Number, NpgsqlDbType.Integer);
                await reports.WriteAsync(report.Title, NpgsqlDbType.Varchar);
                await reports.WriteAsync(report.OutletId, NpgsqlDbType.Integer);
                await reports.WriteAsync(new[] { report.Author }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await reports.WriteAsync(report.PublishedOn, NpgsqlDbType.Date);
                await reports.WriteAsync(report.Url, NpgsqlDbType.Varchar);
                await reports.WriteAsync("en", NpgsqlDbType.Varchar);
                await reports.WriteAsync(report.Text, NpgsqlDbType.Varchar);
                await reports.WriteAsync(DuplicateReportRule.Sketch(report.Text), NpgsqlDbType.Array | NpgsqlDbType.Integer);
                await reports.WriteAsync("scale-benchmark", NpgsqlDbType.Varchar);
                await reports.WriteAsync(EnteredAt, NpgsqlDbType.TimestampTz);
                foreach (var claim in report.Claims)
                {
                    claimId++;
                    var quote = QuoteAnchoring.At(report.Text, claim.QuoteStart, claim.QuoteLength);
                    await claims.StartRowAsync();
                    await claims.WriteAsync(claimId, NpgsqlDbType.Integer);
                    await claims.WriteAsync(report.Number, NpgsqlDbType.Integer);
                    await claims.WriteAsync(claim.SourceId, NpgsqlDbType.Integer);
                    await WriteNullableAsync(claims, claim.RelayedViaId, NpgsqlDbType.Integer);
                    await claims.WriteAsync(claim.Summary, NpgsqlDbType.Varchar);
                    await claims.WriteAsync(quote.Exact, NpgsqlDbType.Varchar);
                    await claims.WriteAsync(quote.Prefix, NpgsqlDbType.Varchar);
                    await claims.WriteAsync(quote.Suffix, NpgsqlDbType.Varchar);
                    await claims.WriteAsync(quote.Start, NpgsqlDbType.Integer);
                    await claims.WriteAsync(quote.End, NpgsqlDbType.Integer);
                    await claims.WriteAsync(quote.IsOrphaned, NpgsqlDbType.Boolean);
                    foreach (var figure in claim.Figures)
                    {
                        await figures.StartRowAsync();
                        await figures.WriteAsync(++figureId, NpgsqlDbType.Integer);
                        await figures.WriteAsync(claimId, NpgsqlDbType.Integer);
                        await figures.WriteAsync(figure.MetricId, NpgsqlDbType.Integer);
                        await figures.WriteAsync(nameof(FigureKind.Count), NpgsqlDbType.Varchar);
                        await figures.WriteAsync(figure.Scope, NpgsqlDbType.Varchar);
                        // The key a Figure computes when its scope is set; fifty places, so each is folded once.
                        await figures.WriteAsync(scopeKeys.TryGetValue(figure.Scope, out var key) ? key : scopeKeys[figure.Scope] = NameKey.From(figure.Scope), NpgsqlDbType.Text);
                        await figures.WriteAsync(figure.AsWritten, NpgsqlDbType.Varchar);
                        await figures.WriteAsync(figure.Qualifier.ToString(), NpgsqlDbType.Varchar);
                        await WriteNullableAsync(figures, figure.Interval.Low, NpgsqlDbType.Numeric);
                        await WriteNullableAsync(figures, figure.Interval.Best, NpgsqlDbType.Numeric);
                        await WriteNullableAsync(figures, figure.Interval.High, NpgsqlDbType.Numeric);
                        await figures.WriteAsync(figure.Time.Kind.ToString(), NpgsqlDbType.Varchar);
                        await WriteNullableAsync(figures, figure.Time.Start, NpgsqlDbType.Date);
                        await WriteNullableAsync(figures, figure.Time.End, NpgsqlDbType.Date);
                        await WriteNullableAsync(figures, figure.Time.AsWritten, NpgsqlDbType.Varchar);
                        await figures.WriteAsync(nameof(FigureRank.Normal), NpgsqlDbType.Varchar);
                    }
                }

                if (report.Number % 10_000 == 0)
                {
                    log($"  … {report.Number:N0} of {data.Shape.Reports:N0} reports written ({clock.Elapsed.TotalSeconds:N0} s)");
                }
            }

            await reports.CompleteAsync();
            await claims.CompleteAsync();
            await figures.CompleteAsync();
        }

        // The rows came with their ids: move each identity on past them, then vacuum and give the planner statistics.
        foreach (var table in new[] { "Sources", "SourceAliases", "Metrics", "Reports", "Claims", "Figures" })
        {
            await ExecuteAsync(catalogue, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST(1, (SELECT max(\"Id\") FROM \"{table}\")))");
        }

        // VACUUM as autovacuum does after a bulk insert (PostgreSQL 13 on), but now rather than during the first measurement:
        // it sets the rows' hint bits and the visibility map, which the first full read would otherwise write as it went.
        await ExecuteAsync(catalogue, "VACUUM (ANALYZE)");
        return clock.Elapsed;
    }

    private static async Task CopySourcesAsync(NpgsqlConnection connection, NewsroomData data)
    {
        await using (var sources = await connection.BeginBinaryImportAsync(
            "COPY \"Sources\" (\"Id\", \"Name\", \"Kind\", \"Description\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var source in data.Sources)
            {
                await sources.StartRowAsync();
                await sources.WriteAsync(source.Id, NpgsqlDbType.Integer);
                await sources.WriteAsync(source.Name, NpgsqlDbType.Varchar);
                await sources.WriteAsync(source.Kind.ToString(), NpgsqlDbType.Varchar);
                await WriteNullableAsync(sources, source.Description, NpgsqlDbType.Varchar);
            }

            await sources.CompleteAsync();
        }

        await using var aliases = await connection.BeginBinaryImportAsync(
            "COPY \"SourceAliases\" (\"Id\", \"SourceId\", \"Name\", \"NameKey\") FROM STDIN (FORMAT BINARY)");
        var aliasId = 0;
        foreach (var source in data.Sources.Where(s => s.Alias is not null))
        {
            await aliases.StartRowAsync();
            await aliases.WriteAsync(++aliasId, NpgsqlDbType.Integer);
            await aliases.WriteAsync(source.Id, NpgsqlDbType.Integer);
            await aliases.WriteAsync(source.Alias!, NpgsqlDbType.Varchar);
            await aliases.WriteAsync(NameKey.From(source.Alias), NpgsqlDbType.Varchar);
        }

        await aliases.CompleteAsync();
    }

    private static async Task CopyMetricsAsync(NpgsqlConnection connection, NewsroomData data)
    {
        await using (var metrics = await connection.BeginBinaryImportAsync(
            "COPY \"Metrics\" (\"Id\", \"Key\", \"Name\", \"Kind\", \"IsCumulative\", \"IsSingleEvent\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var metric in data.Metrics)
            {
                await metrics.StartRowAsync();
                await metrics.WriteAsync(metric.Id, NpgsqlDbType.Integer);
                await metrics.WriteAsync(metric.Key, NpgsqlDbType.Varchar);
                await metrics.WriteAsync(metric.Name, NpgsqlDbType.Varchar);
                await metrics.WriteAsync(nameof(FigureKind.Count), NpgsqlDbType.Varchar);
                await metrics.WriteAsync(true, NpgsqlDbType.Boolean);
                await metrics.WriteAsync(false, NpgsqlDbType.Boolean);
            }

            await metrics.CompleteAsync();
        }

        await using var parts = await connection.BeginBinaryImportAsync("COPY \"MetricParts\" (\"WholeId\", \"PartId\") FROM STDIN (FORMAT BINARY)");
        foreach (var metric in data.Metrics)
        {
            foreach (var part in metric.PartIds)
            {
                await parts.StartRowAsync();
                await parts.WriteAsync(metric.Id, NpgsqlDbType.Integer);
                await parts.WriteAsync(part, NpgsqlDbType.Integer);
            }
        }

        await parts.CompleteAsync();
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        // Unpooled, so the replica role never reaches a pooled connection someone else uses later.
        var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SET session_replication_role = replica");
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        // No time limit: VACUUM of a million rows can take longer than the default 30 s on a busy machine.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct => value is { } present ? importer.WriteAsync(present, type) : importer.WriteNullAsync();

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type) =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, type);
}
