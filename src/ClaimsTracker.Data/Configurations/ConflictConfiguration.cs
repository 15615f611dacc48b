using ClaimsTracker.Domain.Conflicts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ClaimsTracker.Domain.Common;

namespace ClaimsTracker.Data.Configurations;

public class ConflictConfiguration : IEntityTypeConfiguration<Conflict>
{
    public void Configure(EntityTypeBuilder<Conflict> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.DismissalReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Scope).HasMaxLength(Limits.Scope);
        // No length limit, as on figures: a key can be longer than its scope.
        builder.Property(c => c.ScopeKey);
        builder.Property(c => c.Signature).HasMaxLength(512);
        builder.Property(c => c.Explanation).HasMaxLength(Limits.Explanation);
        builder.Property(c => c.AssignedTo).HasMaxLength(Limits.Name);
        builder.Property(c => c.ResolvedBy).HasMaxLength(Limits.Name);
        builder.Property(c => c.Rationale).HasMaxLength(Limits.Rationale);
        builder.Property(c => c.Version).IsRowVersion();

        builder.HasOne(c => c.Metric).WithMany().HasForeignKey(c => c.MetricId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.ConflictId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(c => c.Signature).IsUnique();
        // An incremental detection run reads the stored conflicts of the touched (metric, scope key) pairs.
        builder.HasIndex(c => new { c.MetricId, c.ScopeKey });
        // The queue's default page: one status, most severe first, keyset by (Severity, Id).
        builder.HasIndex(c => new { c.Status, c.Severity, c.Id });
    }
}
