using ClaimsTracker.Data;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClaimsTracker.Web.Tests.Operations;

/// <summary>The operator's commands, run as the real app process in Production.</summary>
public class MaintenanceCommandTests
{
    private const string StrongPassword = "Newsroom-admin-2026";

    [Fact]
    public async Task CreateAdmin_WeakPassword_IsRefusedAndCreatesNobody()
    {
        var database = await TestDatabases.CreateAsync("createadminweak");

        var run = await AppProcess.RunAsync(database, ["--create-admin", "chief@newsroom.test"], input: "short");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Not created", run.Output, StringComparison.Ordinal);
        Assert.Empty(await AdministratorsAsync(database));
    }

    [Fact]
    public async Task CreateAdmin_RunTwice_CreatesOneAdministratorWhoCanBeFoundOnce()
    {
        var database = await TestDatabases.CreateAsync("createadmin");
        var password = new Dictionary<string, string> { ["CLAIMS_ADMIN_PASSWORD"] = StrongPassword };

        var first = await AppProcess.RunAsync(database, ["--create-admin", "chief@newsroom.test"], password);
        var second = await AppProcess.RunAsync(database, ["--create-admin", " chief@newsroom.test "], password);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("chief@newsroom.test is an administrator.", first.Output, StringComparison.Ordinal);
        Assert.Equal(["chief@newsroom.test"], await AdministratorsAsync(database));
        await using var db = Context(database);
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == "CHIEF@NEWSROOM.TEST"));
    }

    [Fact]
    public async Task Migrate_TwoProcessesAtOnceOnAnEmptyDatabase_BothSucceedAndOneApplies()
    {
        var database = await TestDatabases.CreateEmptyAsync("migraterace");
        // EF says "Applying migration" at Information; the app's defaults keep Microsoft at Warning.
        var verbose = new Dictionary<string, string> { ["Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Migrations"] = "Information" };

        var runs = await Task.WhenAll(
            AppProcess.RunAsync(database, ["--migrate"], verbose),
            AppProcess.RunAsync(database, ["--migrate"], verbose));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Output));
        Assert.All(runs, run => Assert.Contains("Database is up to date.", run.Output, StringComparison.Ordinal));
        Assert.Single(runs, run => run.Output.Contains("Applying migration", StringComparison.Ordinal));
        await using var db = Context(database);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    private static ClaimsDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<ClaimsDbContext>().UseNpgsql(connectionString).Options);

    private static async Task<List<string>> AdministratorsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT u."Email" FROM "AspNetUsers" u
            JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id" JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
            WHERE r."Name" = @role ORDER BY u."Email"
            """, connection);
        command.Parameters.AddWithValue("role", Roles.Admin);
        var emails = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            emails.Add(reader.GetString(0));
        }

        return emails;
    }
}
