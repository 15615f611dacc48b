using ClaimsTracker.Data;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClaimsTracker.Web.Tests.Data;

public class MigrationTests
{
    [Fact]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryMigrationAndMatchesModel()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync("migrations");
        await using var db = new ClaimsDbContext(new DbContextOptionsBuilder<ClaimsDbContext>().UseNpgsql(connectionString).Options);

        await db.Database.MigrateAsync();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration captures: add a migration.");
        Assert.Equal(0, await db.Reports.CountAsync());
    }

    [Fact]
    public async Task AuditEntries_UpdateOrDelete_RefusedByDatabase()
    {
        var connectionString = await TestDatabases.CreateAsync("appendonly");
        await using var db = new ClaimsDbContext(new DbContextOptionsBuilder<ClaimsDbContext>().UseNpgsql(connectionString).Options);
        db.Sources.Add(new Domain.Sources.Source { Name = "Test agency", Kind = Domain.Sources.SourceKind.Agency });
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync());

        var update = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'mallory'"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEntries\""));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", truncate.MessageText, StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditEntries.CountAsync());
    }
}
