using ClaimsTracker.Data.Auditing;
using ClaimsTracker.Data.Identity;
using ClaimsTracker.Domain.Auditing;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Data;

public class ClaimsDbContext(DbContextOptions<ClaimsDbContext> options, IAuditActor? actor = null, TimeProvider? clock = null)
    : IdentityDbContext<AppUser>(options)
{
    private readonly IAuditActor actor = actor ?? new SystemAuditActor();
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public DbSet<Report> Reports => Set<Report>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<SourceAlias> SourceAliases => Set<SourceAlias>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<Figure> Figures => Set<Figure>();
    public DbSet<Metric> Metrics => Set<Metric>();
    public DbSet<MetricPart> MetricParts => Set<MetricPart>();
    public DbSet<Conflict> Conflicts => Set<Conflict>();
    public DbSet<ConflictMember> ConflictMembers => Set<ConflictMember>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>A note stored with the audit entries of the next save ("merged sources", "reopened").</summary>
    public string? AuditNote { get; set; }

    /// <summary>Who and when for audit entries written in bulk beside the change tracker (conflict detection).</summary>
    internal string AuditUserName => actor.Name;

    internal TimeProvider AuditClock => clock;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Trigram indexes answer substring filters on source names and aliases (docs/performance.md).
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(ClaimsDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves and writes one audit entry per changed domain row in the same transaction, so no
    /// change lands without its record. Keys of new rows exist only after the first save, hence two.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = AuditRecorder.Capture(ChangeTracker);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AuditEntries.AddRange(AuditRecorder.Complete(pending, actor.Name, AuditNote, clock.GetUtcNow()));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AuditNote = null;
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }
}
