using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.DemoData;
using ClaimsTracker.Data.Import;
using ClaimsTracker.Data.Initialisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClaimsTracker.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// A context factory (one context per operation, as Blazor Server needs) registered scoped, so
    /// each context can know the signed-in user for its audit entries. The contexts themselves come
    /// from one pool with one options instance for the process, so a request does not build EF's
    /// services anew (<see cref="AuditedContextFactory"/>).
    /// </summary>
    public static IServiceCollection AddClaimsData(this IServiceCollection services, string connectionString)
    {
        services.AddPooledDbContextFactory<ClaimsDbContext>(
            options => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(ClaimsDbContext).Assembly.FullName)));
        // The pool's own factory is kept as a concrete type for AuditedContextFactory; everyone else asks for the interface.
        services.RemoveAll<IDbContextFactory<ClaimsDbContext>>();
        services.AddSingleton(provider => new PooledDbContextFactory<ClaimsDbContext>(provider.GetRequiredService<DbContextOptions<ClaimsDbContext>>()));
        services.AddScoped<IDbContextFactory<ClaimsDbContext>, AuditedContextFactory>();
        services.AddScoped<DemoDataLoader>();
        services.AddScoped<ConflictDetectionService>();
        services.AddScoped<ReportImporter>();

        services.AddScoped<DatabaseInitialiser>();
        return services;
    }
}
