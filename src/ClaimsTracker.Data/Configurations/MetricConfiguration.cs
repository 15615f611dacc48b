using ClaimsTracker.Domain.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ClaimsTracker.Domain.Common;

namespace ClaimsTracker.Data.Configurations;

public class MetricConfiguration : IEntityTypeConfiguration<Metric>
{
    public void Configure(EntityTypeBuilder<Metric> builder)
    {
        builder.Property(m => m.Key).HasMaxLength(Limits.MetricKey);
        builder.Property(m => m.Name).HasMaxLength(Limits.Name);
        builder.Property(m => m.Description).HasMaxLength(Limits.Summary);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Unit).HasMaxLength(Limits.Unit);
        builder.Property(m => m.Version).IsRowVersion();

        builder.HasIndex(m => m.Key).IsUnique();
        builder.HasIndex(m => m.Name).IsUnique();
        // The metric pickers search names by substring on the server.
        builder.HasIndex(m => m.Name, "IX_Metrics_Name_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasMany(m => m.Parts).WithOne(p => p.Whole).HasForeignKey(p => p.WholeId).OnDelete(DeleteBehavior.Cascade);
    }
}
