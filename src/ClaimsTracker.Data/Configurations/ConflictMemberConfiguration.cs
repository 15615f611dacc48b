using ClaimsTracker.Domain.Conflicts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClaimsTracker.Data.Configurations;

public class ConflictMemberConfiguration : IEntityTypeConfiguration<ConflictMember>
{
    public void Configure(EntityTypeBuilder<ConflictMember> builder)
    {
        builder.HasKey(m => new { m.ConflictId, m.FigureId });
        builder.Property(m => m.FigureFingerprint).HasMaxLength(512);
        // A PostgreSQL integer[]: the few camps a position fits, read with the member.
        builder.Property(m => m.ConsistentCamps);

        // A figure's deletion removes its memberships; detection then reopens or drops the conflict.
        builder.HasOne(m => m.Figure).WithMany().HasForeignKey(m => m.FigureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.FigureId);
    }
}
