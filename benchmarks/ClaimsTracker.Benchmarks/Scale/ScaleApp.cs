using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClaimsTracker.Benchmarks.Scale;

/// <summary>The real app on Kestrel at a free loopback port, on the benchmark's database, with the demo users.</summary>
public sealed class ScaleApp(string connectionString) : WebApplicationFactory<ClaimsTracker.Web.Features.Search.SearchQueries>
{
    public const string Password = "Demo-pass-2025";

    private readonly NpgsqlDataSource floorDatabase = NpgsqlDataSource.Create(connectionString);

    public Uri Address { get; private set; } = new("http://127.0.0.1");

    /// <summary>Floors' SQL behind a trivial endpoint of this app (the "bare HTTP" floor).</summary>
    public InAppFloor Floors => field ??= new InAppFloor(floorDatabase);

    public void Start()
    {
        // The factory looks for the app's folder beside the solution; it lives under src/.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CLAIMSTRACKER_WEB", WebProjectFolder());
        UseKestrel(0);
        StartServer();
        Address = ServerAddress(Services);
    }

    /// <summary>A client signed in as the analyst with a bearer token, as an API consumer would be.</summary>
    public async Task<HttpClient> SignedInClientAsync()
    {
        var client = new HttpClient { BaseAddress = Address };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "analyst@claims.test", password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string WebProjectFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "ClaimsTracker.sln")))
                {
                    return Path.Combine(folder.FullName, "src", "ClaimsTracker.Web");
                }
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the ClaimsTracker repository (the app's folder is found from there).");
    }

    public static Uri ServerAddress(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // "Testing" runs the production pipeline but allows the demo users the benchmark signs in with.
        builder.UseEnvironment("Testing");
        // Outside Development the framework's and MudBlazor's scripts are found only through the static web assets
        // manifest; without them no page gets a live circuit (memory per open session needs one).
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Claims", connectionString);
        builder.UseSetting("LocalDatabase:Enabled", "false");
        builder.UseSetting("Initialisation:CreateDemoUsers", "true");
        builder.UseSetting("Initialisation:DemoPassword", Password);
        builder.UseSetting("Initialisation:LoadDemoData", "false");
        // Memory per open session closes hundreds of tabs between counts; their circuits should not linger for a minute.
        builder.UseSetting("Circuits:DisconnectedRetentionSeconds", "5");
        // The request log stays on (it is part of the cost); only its console copy is kept quiet.
        builder.UseSetting("Serilog:WriteTo:0:Args:restrictedToMinimumLevel", "Warning");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Path.GetTempPath(), "claims-scale-logs", "scale-.log"));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(Floors));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await floorDatabase.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The least any server can do for the same list: one endpoint, raw Npgsql, the hand-written SQL,
/// rows written straight to JSON. The app's API throughput is measured against it.
/// </summary>
public sealed class BareEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;

    private BareEndpoint(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BareEndpoint> StartAsync(NpgsqlDataSource database, string sql)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/figures", (HttpContext context) => InAppFloor.WriteRowsAsync(database, sql, context));
        await app.StartAsync();
        return new BareEndpoint(app, ScaleApp.ServerAddress(app.Services));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
