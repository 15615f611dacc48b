using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.DemoData;
using ClaimsTracker.Data.Import;
using ClaimsTracker.Data.Initialisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimsTracker.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// A context factory (one context per operation, as Blazor Server needs) registered scoped, so
    /// each context can know the signed-in user for its audit entries.
    /// </summary>
    public static IServiceCollection AddClaimsData(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<ClaimsDbContext>(
            options => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(ClaimsDbContext).Assembly.FullName)),
            ServiceLifetime.Scoped);
        services.AddScoped<DemoDataLoader>();
        services.AddScoped<ConflictDetectionService>();
        services.AddScoped<ReportImporter>();

        services.AddScoped<DatabaseInitialiser>();
        return services;
    }
}
