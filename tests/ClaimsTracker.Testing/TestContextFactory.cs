using ClaimsTracker.Data;
using ClaimsTracker.Data.Auditing;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Testing;

/// <summary>Contexts on one test database, for testing queries and services without the web host.</summary>
public sealed class TestContextFactory(string connectionString, string user = "test") : IDbContextFactory<ClaimsDbContext>
{
    public ClaimsDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<ClaimsDbContext>().UseNpgsql(connectionString).Options, new SystemAuditActor(user));

    public static async Task<TestContextFactory> CreateAsync(string purpose) => new(await TestDatabases.CreateAsync(purpose));
}
