using ClaimsTracker.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimsTracker.Data.Configurations;

public class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(Limits.Title);
        builder.Property(r => r.Url).HasMaxLength(Limits.Url);
        builder.Property(r => r.Language).HasMaxLength(16);
        builder.Property(r => r.Text).HasMaxLength(Limits.ReportText);
        builder.Property(r => r.EnteredBy).HasMaxLength(Limits.Name);
        builder.Property(r => r.Version).IsRowVersion();

        builder.HasOne(r => r.Outlet).WithMany().HasForeignKey(r => r.OutletId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Claims).WithOne(c => c.Report).HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(r => r.PublishedOn);
        builder.HasIndex(r => r.Url);
    }
}
