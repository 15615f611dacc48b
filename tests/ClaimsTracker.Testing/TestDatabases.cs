using ClaimsTracker.Data;
using ClaimsTracker.Data.LocalDatabase;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClaimsTracker.Testing;

/// <summary>
/// One PostgreSQL server per test run, and a fresh database for each test class. The server is
/// the one in CLAIMS_TEST_POSTGRES (a connection string to a server the tests may create
/// databases on) or else a throwaway cluster the tests start in a temporary folder. The schema
/// comes from the real migrations, applied once to a template that new databases copy.
/// </summary>
public static class TestDatabases
{
    private static readonly string Template = $"claims_template_{Environment.ProcessId}";
    private const string ClusterPrefix = "claims-tests-";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static NpgsqlConnectionStringBuilder? server;
    private static LocalPostgresCluster? cluster;
    private static string? clusterDirectory;
    private static int counter;

    /// <summary>Creates an empty, migrated database and returns its connection string.</summary>
    public static async Task<string> CreateAsync(string purpose)
    {
        var admin = await ServerAsync();
        var name = $"claims_{Sanitise(purpose)}_{Environment.ProcessId}_{Interlocked.Increment(ref counter)}";
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();

        // CREATE DATABASE … TEMPLATE fails while another session is connected to the template.
        await Gate.WaitAsync();
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            Gate.Release();
        }

        // Idle connections of finished tests are closed soon, so hundreds of test databases fit the server.
        return new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name, Pooling = true, ConnectionIdleLifetime = 5, ConnectionPruningInterval = 2 }.ConnectionString;
    }

    /// <summary>Creates a database without the schema, for tests of the migrations themselves.</summary>
    public static async Task<string> CreateEmptyAsync(string purpose)
    {
        var admin = await ServerAsync();
        var name = $"claims_{Sanitise(purpose)}_{Environment.ProcessId}_{Interlocked.Increment(ref counter)}";
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<NpgsqlConnectionStringBuilder> ServerAsync()
    {
        if (server is not null)
        {
            return server;
        }

        await Gate.WaitAsync();
        try
        {
            if (server is not null)
            {
                return server;
            }

            var configured = Environment.GetEnvironmentVariable("CLAIMS_TEST_POSTGRES");
            NpgsqlConnectionStringBuilder admin;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                admin = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" };
            }
            else
            {
                RemoveClustersOfEndedRuns();
                clusterDirectory = Path.Combine(Path.GetTempPath(), $"{ClusterPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
                cluster = await LocalPostgresCluster.StartAsync(clusterDirectory, durable: false);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => StopCluster();
                admin = new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres"));
            }

            await CreateTemplateAsync(admin);
            server = admin;
            return server;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task CreateTemplateAsync(NpgsqlConnectionStringBuilder admin)
    {
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Template}\" WITH (FORCE); CREATE DATABASE \"{Template}\"", connection);
            await drop.ExecuteNonQueryAsync();
        }

        var templateConnection = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = Template, Pooling = false }.ConnectionString;
        await using var db = new ClaimsDbContext(new DbContextOptionsBuilder<ClaimsDbContext>().UseNpgsql(templateConnection).Options);
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// The test host is often ended without running ProcessExit (the runner stops it when the tests are done, or a
    /// run is cancelled), which leaves its cluster folder behind — gigabytes each. A new run removes the folders of
    /// runs whose process no longer exists (the process id is in the folder's name).
    /// </summary>
    private static void RemoveClustersOfEndedRuns()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), $"{ClusterPrefix}*-*"))
        {
            var owner = Path.GetFileName(folder)[ClusterPrefix.Length..].Split('-')[0];
            if (!int.TryParse(owner, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) || IsRunning(pid))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run may be removing it at the same time; what is left goes next time.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void StopCluster()
    {
        if (cluster is null)
        {
            return;
        }

        cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try
        {
            Directory.Delete(clusterDirectory!, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless; the next run uses a new one.
        }
    }

    private static string Sanitise(string purpose) =>
        new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24).ToArray());
}
