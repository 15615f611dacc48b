using ClaimsTracker.Web.Configuration;

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
    return;
}

app.UseClaimsPipeline();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the integration and browser tests.</summary>
public partial class Program;
