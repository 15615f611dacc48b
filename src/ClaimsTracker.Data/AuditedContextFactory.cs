using ClaimsTracker.Data.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ClaimsTracker.Data;

/// <summary>
/// The app's <see cref="IDbContextFactory{ClaimsDbContext}"/>: rents a context from the process-wide pool and tells it
/// who is acting in this scope (the signed-in user, for its audit entries) and which clock to use. A new context per
/// operation built its EF services afresh every time, a fixed cost on every request (docs/performance.md); a pooled
/// one keeps them and is only reset.
/// </summary>
public sealed class AuditedContextFactory(PooledDbContextFactory<ClaimsDbContext> pool, IAuditActor? actor = null, TimeProvider? clock = null)
    : IDbContextFactory<ClaimsDbContext>
{
    public ClaimsDbContext CreateDbContext()
    {
        var db = pool.CreateDbContext();
        db.StartUse(actor, clock);
        return db;
    }

    public async Task<ClaimsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        var db = await pool.CreateDbContextAsync(cancellationToken);
        db.StartUse(actor, clock);
        return db;
    }
}
