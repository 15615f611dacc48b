using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace ClaimsTracker.Benchmarks.Scale;

/// <summary>
/// The "bare HTTP" floor: a trivial endpoint inside the app under test (same Kestrel, same process, same
/// authentication handlers and session check) that runs a floor's hand-written SQL with raw Npgsql and writes the rows
/// straight to JSON. Put in front of the app's own pipeline by a startup filter, so it skips the app's routing,
/// request log, error handlers and EF: what the app's list costs beyond it is the app's own work.
/// </summary>
public sealed class InAppFloor(NpgsqlDataSource database) : IStartupFilter
{
    public const string PathPrefix = "/bench/floor/";

    /// <summary>Answers without reading any rows: what HTTP and authentication alone cost.</summary>
    public const string Empty = "empty";

    private readonly ConcurrentDictionary<string, string> statements = new(StringComparer.Ordinal);

    /// <summary>Registers a floor's SQL under a name; <c>GET /bench/floor/{name}</c> then runs it.</summary>
    public string Add(string name, string sql)
    {
        statements[name] = sql;
        return PathPrefix + name;
    }

    /// <summary>The SQL registered under a name.</summary>
    public string Sql(string name) => statements[name];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            var path = context.Request.Path.Value ?? string.Empty;
            if (!path.StartsWith(PathPrefix, StringComparison.Ordinal))
            {
                await following(context);
                return;
            }

            // "?anonymous" measures HTTP alone; otherwise the bearer token is checked as the app checks it.
            if (!context.Request.Query.ContainsKey("anonymous"))
            {
                var signedIn = await context.AuthenticateAsync();
                if (!signedIn.Succeeded)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }
            }

            var name = path[PathPrefix.Length..];
            if (name == Empty)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("[]", context.RequestAborted);
                return;
            }

            if (!statements.TryGetValue(name, out var sql))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await WriteRowsAsync(database, sql, context);
        });
        next(app);
    };

    /// <summary>The statement's rows as a JSON array of objects, written as they are read.</summary>
    public static async Task WriteRowsAsync(NpgsqlDataSource database, string sql, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(context);
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartArray();
        while (await reader.ReadAsync(context.RequestAborted))
        {
            json.WriteStartObject();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                json.WritePropertyName(reader.GetName(i));
                JsonSerializer.Serialize(json, reader.IsDBNull(i) ? null : reader.GetValue(i));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
