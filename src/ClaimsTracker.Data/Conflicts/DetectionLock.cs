using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClaimsTracker.Data.Conflicts;

/// <summary>
/// Detection runs one at a time across every instance on the database: concurrent writers would
/// otherwise both insert the same new conflict and one of them fail after its own write had
/// committed. Inside one process a semaphore queues the runs, so only one connection per instance
/// ever waits on the PostgreSQL advisory lock and waiting never starves the pool.
/// </summary>
public sealed class DetectionLock : IAsyncDisposable
{
    /// <summary>An arbitrary key reserved for conflict detection ("ctdetect" in ASCII).</summary>
    public const long AdvisoryKey = 0x6374_6465_7465_6374;

    private static readonly SemaphoreSlim InProcess = new(1, 1);
    private readonly NpgsqlConnection connection;

    private DetectionLock(NpgsqlConnection connection) => this.connection = connection;

    public static async Task<DetectionLock> AcquireAsync(IDbContextFactory<ClaimsDbContext> contexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        await InProcess.WaitAsync(cancellationToken);
        NpgsqlConnection? connection = null;
        try
        {
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                connection = new NpgsqlConnection(db.Database.GetConnectionString());
            }

            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", AdvisoryKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new DetectionLock(connection);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            InProcess.Release();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Closing the session would release the lock too, but a pooled connection stays open.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", AdvisoryKey);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await connection.DisposeAsync();
            InProcess.Release();
        }
    }
}
