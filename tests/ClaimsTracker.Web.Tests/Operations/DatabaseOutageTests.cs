using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ClaimsTracker.Data.LocalDatabase;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Infrastructure;
using ClaimsTracker.Web.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ClaimsTracker.Web.Tests.Operations;

/// <summary>Every Serilog event the app writes, for tests of what the logs say.</summary>
public sealed class CollectingSink : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);

    /// <summary>The status of each request-log line for <paramref name="path"/>, in order.</summary>
    public IReadOnlyList<int> StatusesLoggedFor(string path) =>
        Events.Where(e => e.Properties.TryGetValue("RequestPath", out var logged) && logged is ScalarValue { Value: string p } && p == path
                && e.Properties.ContainsKey("StatusCode"))
            .Select(e => Convert.ToInt32(((ScalarValue)e.Properties["StatusCode"]).Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
}

/// <summary>
/// The app on a PostgreSQL server of its own, which the test can stop: a real outage, not a
/// simulated exception. Its logs are collected.
/// </summary>
public sealed class OwnServerAppFactory() : ClaimsAppFactory(realServer: false, loadDemoData: false)
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"claims-outage-{Guid.NewGuid():N}");
    private LocalPostgresCluster? cluster;

    public CollectingSink Logs { get; } = new();

    public override async Task InitializeAsync()
    {
        cluster = await LocalPostgresCluster.StartAsync(directory, durable: false);
        // The app migrates the server's own database at start, as on a fresh installation.
        ConnectionString = cluster.ConnectionString("postgres");
        StartServer();
    }

    /// <summary>Stops the server (pg_ctl stop): open connections are cut, new ones refused.</summary>
    public async Task StopDatabaseAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
            cluster = null;
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await StopDatabaseAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }
}

public class DatabaseOutageTests(OwnServerAppFactory app) : IClassFixture<OwnServerAppFactory>
{
    [Fact]
    public async Task Request_DatabaseStopped_Is503WithRetryAfterAndProblemDetails_AndTheLogSays503()
    {
        using var analyst = await ApiClient.ForRoleAsync(app, Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/v1/reports?take=1")).StatusCode);

        await app.StopDatabaseAsync();
        // The first request after the stop may find a pooled connection the server cut, the
        // next one finds the server gone: both are an outage, neither a 500.
        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            answers.Add(await analyst.GetAsync("/api/v1/reports?take=1"));
        }

        var health = await analyst.GetAsync("/health");
        var alive = await analyst.GetAsync("/alive");

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode));
        var last = answers[^1];
        Assert.Equal(TimeSpan.FromSeconds(RequestFailureMiddleware.RetryAfterSeconds), last.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await last.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains("database", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);

        // The request log is written when the response completes; give it a moment.
        for (var wait = 0; wait < 50 && app.Logs.StatusesLoggedFor("/api/v1/reports").Count < 3; wait++)
        {
            await Task.Delay(100);
        }

        Assert.Equal([200, 503, 503], app.Logs.StatusesLoggedFor("/api/v1/reports"));
    }
}
