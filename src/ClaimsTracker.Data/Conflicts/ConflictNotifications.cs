using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Data.Conflicts;

/// <summary>
/// Conflict changes are announced with PostgreSQL NOTIFY, so every app instance listening on the
/// same database hears them, not only the one that made the change.
/// </summary>
public static class ConflictNotifications
{
    public const string Channel = "conflicts_changed";

    /// <summary>Sends after the current transaction commits (NOTIFY is transactional in PostgreSQL).</summary>
    public static Task NotifyAsync(ClaimsDbContext db, string what, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {what})", cancellationToken);
}
