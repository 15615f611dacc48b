using ClaimsTracker.Domain.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ClaimsTracker.Domain.Common;

namespace ClaimsTracker.Data.Configurations;

public class FigureConfiguration : IEntityTypeConfiguration<Figure>
{
    public void Configure(EntityTypeBuilder<Figure> builder)
    {
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.Qualifier).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.Rank).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.Scope).HasMaxLength(Limits.Scope);
        // No length limit: decomposing (Hangul syllables into their letters) can make a key longer than its scope.
        builder.Property(f => f.ScopeKey);
        builder.Property(f => f.AsWritten).HasMaxLength(Limits.AsWritten);
        builder.Property(f => f.Unit).HasMaxLength(64);
        builder.Property(f => f.RankReason).HasMaxLength(Limits.Rationale);
        builder.Property(f => f.Version).IsRowVersion();
        builder.Ignore(f => f.Interval);

        builder.OwnsOne(f => f.Time, time =>
        {
            time.Property(t => t.Kind).HasColumnName("TimeKind").HasConversion<string>().HasMaxLength(16);
            time.Property(t => t.Start).HasColumnName("TimeStart");
            time.Property(t => t.End).HasColumnName("TimeEnd");
            time.Property(t => t.AsWritten).HasColumnName("TimeAsWritten").HasMaxLength(Limits.AsWritten);
        });
        builder.Navigation(f => f.Time).IsRequired();

        builder.HasOne(f => f.Metric).WithMany().HasForeignKey(f => f.MetricId).OnDelete(DeleteBehavior.Restrict);

        // Detection reads one metric at a time, an incremental run only the touched places: (metric, scope key) pairs.
        builder.HasIndex(f => new { f.MetricId, f.ScopeKey });
        // Report entry's scope suggestions (scopes in use per suggested metric) read this index alone: 2 ms at 1M figures,
        // where the heap behind (MetricId, ScopeKey) took 43-115 ms.
        builder.HasIndex(f => new { f.MetricId, f.Scope });
        // A claim's figures in id order: the capped figures of a list row and the figures API's keyset.
        builder.HasIndex(f => new { f.ClaimId, f.Id });
    }
}
