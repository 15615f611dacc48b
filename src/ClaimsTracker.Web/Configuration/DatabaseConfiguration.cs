using ClaimsTracker.Data;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Data.LocalDatabase;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Web.Features.Conflicts;
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

        builder.Services.AddClaimsData(connectionString);
        builder.Services.AddSingleton<ConflictChangeHub>();
        builder.Services.AddHostedService(provider => new ConflictChangeListener(
            connectionString, provider.GetRequiredService<ConflictChangeHub>(), provider.GetRequiredService<ILogger<ConflictChangeListener>>()));
        builder.Services.Configure<InitialisationOptions>(builder.Configuration.GetSection("Initialisation"));
        builder.Services.AddSingleton(builder.Configuration.GetSection("Normalisation").Get<NormalisationOptions>() ?? new NormalisationOptions());
        builder.Services.AddSingleton(builder.Configuration.GetSection("ConflictDetection").Get<DetectionOptions>() ?? new DetectionOptions());
        builder.Services.AddSingleton<ConflictDetector>();
    }

    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        // Resolving the local cluster hands it to the container, which stops it when the app is disposed.
        _ = app.Services.GetService<LocalPostgresCluster>();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync();
    }

    private static async Task EnsureDatabaseAsync(LocalPostgresCluster cluster, string database)
    {
        await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
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
