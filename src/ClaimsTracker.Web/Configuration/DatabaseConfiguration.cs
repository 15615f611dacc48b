using ClaimsTracker.Data;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Data.LocalDatabase;
using ClaimsTracker.Domain.Figures.Normalisation;
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
            builder.Services.AddHostedService(_ => new LocalClusterLifetime(cluster));
            await EnsureDatabaseAsync(cluster, "claims");
            connectionString = cluster.ConnectionString("claims");
        }

        builder.Services.AddClaimsData(connectionString);
        builder.Services.Configure<InitialisationOptions>(builder.Configuration.GetSection("Initialisation"));
        builder.Services.AddSingleton(builder.Configuration.GetSection("Normalisation").Get<NormalisationOptions>() ?? new NormalisationOptions());
    }

    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
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

    /// <summary>Stops the private cluster when the app stops, so no server is left behind.</summary>
    private sealed class LocalClusterLifetime(LocalPostgresCluster cluster) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken) => await cluster.DisposeAsync();
    }
}
