using ClaimsTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using ClaimsTracker.Domain.Common;

namespace ClaimsTracker.Data.Configurations;

public class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Limits.Name);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Affiliation).HasMaxLength(Limits.Name);
        builder.Property(s => s.Description).HasMaxLength(Limits.Summary);
        builder.Property(s => s.Version).IsRowVersion();

        builder.HasMany(s => s.Aliases).WithOne().HasForeignKey(a => a.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasIndex(s => new { s.Kind, s.Id });
        // Full-text search finds claims by their source's name through this stored vector.
        builder.Property<NpgsqlTsVector>(SearchColumns.Vector)
            .HasComputedColumnSql($"setweight(to_tsvector('{SearchColumns.Configuration}', coalesce(\"Name\", '')), 'A')", stored: true);
        builder.HasIndex(SearchColumns.Vector).HasMethod("GIN");
        // Substring filters ("zelen" → Zelensky) resolve names to ids through this trigram index.
        builder.HasIndex(s => s.Name, "IX_Sources_Name_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
