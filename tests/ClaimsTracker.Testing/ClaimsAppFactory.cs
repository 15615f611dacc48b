using ClaimsTracker.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ClaimsTracker.Testing;

/// <summary>
/// The real app on its own fresh database, with the demo users and (unless turned off) the demo
/// data, exactly as a development start would load them.
/// </summary>
public class ClaimsAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool realServer;
    private readonly bool loadDemoData;

    public ClaimsAppFactory()
        : this(realServer: false, loadDemoData: true)
    {
    }

    protected ClaimsAppFactory(bool realServer, bool loadDemoData)
    {
        this.realServer = realServer;
        this.loadDemoData = loadDemoData;
    }

    public string ConnectionString { get; protected set; } = string.Empty;

    /// <summary>The address a browser can reach, when the factory runs on Kestrel.</summary>
    public Uri ServerAddress { get; private set; } = new("http://localhost");

    public const string DemoPassword = "Demo-pass-2025";

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestDatabases.CreateAsync(GetType().Name);
        if (realServer)
        {
            UseKestrel(0);
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            ServerAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        }
        else
        {
            StartServer();
        }
    }

    public new virtual async Task DisposeAsync() => await base.DisposeAsync();

    /// <summary>A context on this factory's database, for arranging and checking data.</summary>
    public ClaimsDbContext CreateDbContext()
    {
        // The factory is scoped (Development validates that). The scope is left to the garbage
        // collector: the context it makes resolves its audit actor from it for as long as it lives.
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IDbContextFactory<ClaimsDbContext>>().CreateDbContext();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the static web assets (MudBlazor, blazor.web.js) are only served from
        // a published wwwroot; tests run from the build output, so read its static asset manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Claims", ConnectionString);
        builder.UseSetting("LocalDatabase:Enabled", "false");
        builder.UseSetting("Initialisation:CreateDemoUsers", "true");
        builder.UseSetting("Initialisation:DemoPassword", DemoPassword);
        builder.UseSetting("Initialisation:LoadDemoData", loadDemoData ? "true" : "false");
        // Tests sign in far more often than a person; the limit itself has its own test.
        builder.UseSetting("RateLimiting:SignInPermitsPerMinute", "10000");
        // Test runs log to a temporary folder, not into the source tree.
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Path.GetTempPath(), "claims-tests-logs", "test-.log"));
    }
}

/// <summary>The app on Kestrel at a real loopback port, for headless Chromium.</summary>
public class ClaimsServerFactory() : ClaimsAppFactory(realServer: true, loadDemoData: true);
