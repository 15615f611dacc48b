using ClaimsTracker.Data;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Data.LocalDatabase;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Web.Features.Admin;
using ClaimsTracker.Web.Features.Conflicts;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Serilog;
using Serilog.Extensions.Logging;

namespace ClaimsTracker.Web.Configuration;

public static class DatabaseConfiguration
{
    public const string ConnectionStringName = "Claims";

    /// <summary>
    /// Uses ConnectionStrings:Claims when set. Otherwise, if LocalDatabase:Enabled, starts a private
    /// PostgreSQL cluster under the repository's .local folder so that one command runs the app.
    /// </summary>
    public static async Task AddClaimsDatabaseAsync(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (!builder.Configuration.GetValue<bool>("LocalDatabase:Enabled"))
            {
                throw new InvalidOperationException(
                    $"No database configured: set ConnectionStrings__{ConnectionStringName}, or LocalDatabase__Enabled=true to start a private PostgreSQL cluster.");
            }

            var directory = builder.Configuration["LocalDatabase:Directory"] is { Length: > 0 } configured
                ? configured
                : Path.Combine(RepositoryRoot(builder.Environment.ContentRootPath), ".local", "postgres");
            var cluster = await LocalPostgresCluster.StartAsync(directory, durable: true, new SerilogLoggerFactory(Log.Logger).CreateLogger<LocalPostgresCluster>());
            try
            {
                await EnsureDatabaseAsync(cluster, "claims");
            }
            catch
            {
                await cluster.DisposeAsync();
                throw;
            }

            // Registered through a factory so the container owns it: disposing the app stops the
            // cluster on every way out (normal stop, failed start-up, maintenance command).
            builder.Services.AddSingleton(_ => cluster);
            connectionString = cluster.ConnectionString("claims");
        }

        connectionString = WithPoolLimits(connectionString, builder.Configuration);
        builder.Services.AddClaimsData(connectionString);
        await builder.AddClaimsHostingAsync(connectionString);
        builder.Services.AddSingleton<ConflictChangeHub>();
        builder.Services.AddHostedService(provider => new ConflictChangeListener(
            connectionString, provider.GetRequiredService<ConflictChangeHub>(), provider.GetRequiredService<ILogger<ConflictChangeListener>>()));
        builder.Services.Configure<InitialisationOptions>(builder.Configuration.GetSection("Initialisation"));
        builder.Services.Configure<FirstAdminOptions>(builder.Configuration.GetSection("Initialisation"));
        var environment = builder.Environment;
        builder.Services.PostConfigure<InitialisationOptions>(options =>
        {
            // The demo users' password is published in the README: never outside a developer's machine or the tests.
            if (!DemoUsersAllowed(environment))
            {
                options.CreateDemoUsers = false;
            }
        });
        builder.Services.AddSingleton(builder.Configuration.GetSection("Normalisation").Get<NormalisationOptions>() ?? new NormalisationOptions());
        builder.Services.AddSingleton(builder.Configuration.GetSection("ConflictDetection").Get<DetectionOptions>() ?? new DetectionOptions());
        builder.Services.AddSingleton<ConflictDetector>();
    }

    /// <summary>Demo users exist only in Development and in the tests' "Testing" environment.</summary>
    public static bool DemoUsersAllowed(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    /// <summary>
    /// Migrations, roles, demo content and the first administrator, under a PostgreSQL advisory
    /// lock: instances started together on a fresh database wait for the first one instead of
    /// racing it through the same migrations.
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        // Resolving the local cluster hands it to the container, which stops it when the app is disposed.
        _ = app.Services.GetService<LocalPostgresCluster>();
        await using var scope = app.Services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<ClaimsDbContext>>();
        string lockConnection;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            // Not pooled: the lock belongs to this session and ends with it, even if start-up fails.
            lockConnection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString;
        }

        await using var connection = new NpgsqlConnection(lockConnection);
        await connection.OpenAsync();
        // No timeout: waiting while another instance migrates is the point.
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", connection) { CommandTimeout = 0 })
        {
            await take.ExecuteNonQueryAsync();
        }

        await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync();
        await FirstAdministrator.EnsureFromConfigurationAsync(scope.ServiceProvider);
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLockKey})", connection))
        {
            await release.ExecuteNonQueryAsync();
        }
    }

    /// <summary>An arbitrary key reserved for start-up work ("ctstart" in ASCII).</summary>
    private const long StartupLockKey = 0x0063_7473_7461_7274;

    /// <summary>
    /// A bounded pool: "Database:MaxPoolSize" connections per instance (default 40), and a request
    /// that finds them all busy waits up to "Database:ConnectionWaitSeconds" (default 15) for one
    /// instead of failing. Values already in the connection string win.
    /// </summary>
    public static string WithPoolLimits(string connectionString, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = configuration.GetValue("Database:MaxPoolSize", 40);
        }

        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = configuration.GetValue("Database:ConnectionWaitSeconds", 15);
        }

        return builder.ConnectionString;
    }

    private static async Task EnsureDatabaseAsync(LocalPostgresCluster cluster, string database)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    private static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClaimsTracker.sln")))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
