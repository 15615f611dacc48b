using ClaimsTracker.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClaimsTracker.Testing;

/// <summary>
/// Two writers saving the same new name, made deterministic: the "winner" inserts its row in an
/// open transaction, so the loser's look-up misses it (not committed yet) and the loser's insert
/// waits on the unique index; committing then makes the loser's insert fail exactly as in a race.
/// </summary>
public static class NameRace
{
    public static async Task<TResult> LoseToAsync<TResult>(
        IDbContextFactory<ClaimsDbContext> contexts, Action<ClaimsDbContext> insertWinner, Func<Task<TResult>> loser)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(insertWinner);
        ArgumentNullException.ThrowIfNull(loser);
        await using var winner = await contexts.CreateDbContextAsync();
        await using var transaction = await winner.Database.BeginTransactionAsync();
        insertWinner(winner);
        await winner.SaveChangesAsync();

        var losing = Task.Run(loser);
        await UntilWaitingOnLockAsync(winner.Database.GetConnectionString()!, losing);
        await transaction.CommitAsync();
        return await losing;
    }

    /// <summary>Waits until some session of the database waits on a lock (the loser's insert), or the loser is done.</summary>
    private static async Task UntilWaitingOnLockAsync(string connectionString, Task loser)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        for (var attempt = 0; attempt < 200 && !loser.IsCompleted; attempt++)
        {
            if ((long)(await waiting.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException(loser.IsCompleted
            ? "The losing writer finished before it waited on the winner's row; the race was not set up."
            : "The losing writer never waited on the winner's row within 10 s.");
    }
}
