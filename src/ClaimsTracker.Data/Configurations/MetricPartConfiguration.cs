using ClaimsTracker.Domain.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimsTracker.Data.Configurations;

public class MetricPartConfiguration : IEntityTypeConfiguration<MetricPart>
{
    public void Configure(EntityTypeBuilder<MetricPart> builder)
    {
        builder.HasKey(p => new { p.WholeId, p.PartId });
        builder.HasOne(p => p.Part).WithMany().HasForeignKey(p => p.PartId).OnDelete(DeleteBehavior.Restrict);
    }
}
