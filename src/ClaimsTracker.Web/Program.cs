using ClaimsTracker.Web.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.AddClaimsLogging();
await builder.AddClaimsDatabaseAsync();
builder.AddClaimsIdentity();
builder.AddClaimsFeatures();

var app = builder.Build();
await app.InitialiseDatabaseAsync();
app.UseClaimsPipeline();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the integration and browser tests.</summary>
public partial class Program;
