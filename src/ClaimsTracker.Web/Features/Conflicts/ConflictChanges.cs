using ClaimsTracker.Data.Conflicts;
using Npgsql;

namespace ClaimsTracker.Web.Features.Conflicts;

/// <summary>In-process fan-out of conflict changes heard from PostgreSQL, for open pages to refresh.</summary>
public sealed class ConflictChangeHub
{
    /// <summary>Raised on a background thread with the notification's payload ("resolved:12", "detection").</summary>
    public event Action<string>? Changed;

    public void Raise(string payload) => Changed?.Invoke(payload);
}

/// <summary>
/// Listens on <see cref="ConflictNotifications.Channel"/> for as long as the app runs, reconnecting
/// after a lost connection, so a change made by any instance reaches the queues of this one.
/// </summary>
public sealed partial class ConflictChangeListener(string connectionString, ConflictChangeHub hub, ILogger<ConflictChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Keepalives let a silently dropped connection fail, and so be re-established.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 30 };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => hub.Raise(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ConflictNotifications.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                LogListening(ConflictNotifications.Channel);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException exception)
            {
                LogLost(exception, RetryDelay.TotalSeconds);
                try
                {
                    await Task.Delay(RetryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for conflict changes on channel {Channel}")]
    private partial void LogListening(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the conflict change listener; retrying in {Seconds} s")]
    private partial void LogLost(Exception exception, double seconds);
}
