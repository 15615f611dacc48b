using ClaimsTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ClaimsTracker.Domain.Common;

namespace ClaimsTracker.Data.Configurations;

public class SourceAliasConfiguration : IEntityTypeConfiguration<SourceAlias>
{
    public void Configure(EntityTypeBuilder<SourceAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Limits.Name);
        builder.Property(a => a.NameKey).HasMaxLength(Limits.Name);

        // A spelling belongs to one source only, or look-ups by alias would be ambiguous.
        builder.HasIndex(a => a.NameKey).IsUnique();
        builder.HasIndex(a => a.NameKey, "IX_SourceAliases_NameKey_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
