using ClaimsTracker.Domain.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using ClaimsTracker.Domain.Common;

namespace ClaimsTracker.Data.Configurations;

public class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.Property(c => c.Summary).HasMaxLength(Limits.Summary);
        builder.Property(c => c.Version).IsRowVersion();

        builder.OwnsOne(c => c.Quote, quote =>
        {
            quote.Property(q => q.Exact).HasColumnName("QuoteExact").HasMaxLength(Limits.Quote);
            quote.Property(q => q.Prefix).HasColumnName("QuotePrefix").HasMaxLength(64);
            quote.Property(q => q.Suffix).HasColumnName("QuoteSuffix").HasMaxLength(64);
            quote.Property(q => q.Start).HasColumnName("QuoteStart");
            quote.Property(q => q.End).HasColumnName("QuoteEnd");
            quote.Property(q => q.IsOrphaned).HasColumnName("QuoteIsOrphaned");
        });
        builder.Navigation(c => c.Quote).IsRequired();

        builder.Property<NpgsqlTsVector>(SearchColumns.Vector)
            .HasComputedColumnSql($"setweight(to_tsvector('{SearchColumns.Configuration}', coalesce(\"Summary\", '')), 'B') || setweight(to_tsvector('{SearchColumns.Configuration}', coalesce(\"QuoteExact\", '')), 'B')", stored: true);
        builder.HasIndex(SearchColumns.Vector).HasMethod("GIN");

        // Keyset paging of the explorer walks a report's (or a source's) claims in id order.
        builder.HasIndex(c => new { c.ReportId, c.Id });
        builder.HasIndex(c => new { c.SourceId, c.Id });

        builder.HasOne(c => c.Source).WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.RelayedVia).WithMany().HasForeignKey(c => c.RelayedViaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Figures).WithOne(f => f.Claim).HasForeignKey(f => f.ClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}
