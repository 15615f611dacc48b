using ClaimsTracker.Web.Configuration;
using ClaimsTracker.Web.Infrastructure;

if (args.FirstOrDefault() == HealthProbe.Command)
{
    // The container's health check: no host, no database, just one HTTP request.
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddClaimsLogging();
await builder.AddClaimsDatabaseAsync();
builder.AddClaimsIdentity();
builder.AddClaimsFeatures();

// Disposed on the way out, which also stops a local database cluster if one was started.
await using var app = builder.Build();
await app.InitialiseDatabaseAsync();
if (await app.RunMaintenanceCommandAsync(args))
{
    return Environment.ExitCode;
}

app.UseClaimsPipeline();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration and browser tests.</summary>
public partial class Program;
