using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.DemoData;
using ClaimsTracker.Data.Identity;
using ClaimsTracker.Data.Reports;
using ClaimsTracker.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimsTracker.Data.Initialisation;

/// <summary>Brings a database up to date at start-up: migrations, roles, then optional demo content.</summary>
public sealed partial class DatabaseInitialiser(
    IDbContextFactory<ClaimsDbContext> contexts,
    RoleManager<IdentityRole> roles,
    UserManager<AppUser> users,
    DemoDataLoader demoData,
    ConflictDetectionService detection,
    IOptions<InitialisationOptions> options,
    ILogger<DatabaseInitialiser> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            await ReportSketches.FillMissingAsync(db, cancellationToken);
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        if (options.Value.CreateDemoUsers)
        {
            await CreateDemoUsersAsync();
        }

        if (options.Value.LoadDemoData)
        {
            var added = await demoData.LoadAsync(DemoDataLoader.ReadEmbedded(), cancellationToken);
            LogDemoData(added);
            if (added > 0)
            {
                await detection.DetectAllAsync(cancellationToken);
            }
        }
    }

    private async Task CreateDemoUsersAsync()
    {
        foreach (var role in Roles.All)
        {
            var name = InitialisationOptions.DemoUserName(role);
            if (await users.FindByNameAsync(name) is not null)
            {
                continue;
            }

            var user = new AppUser { UserName = name, Email = name, EmailConfirmed = true, DisplayName = $"Demo {role.ToLowerInvariant()}" };
            Check(await users.CreateAsync(user, options.Value.DemoPassword), $"create demo user {name}");
            Check(await users.AddToRoleAsync(user, role), $"add {name} to {role}");
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Added} report(s) added")]
    private partial void LogDemoData(int added);
}
