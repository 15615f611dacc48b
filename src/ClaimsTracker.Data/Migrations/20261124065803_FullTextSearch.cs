using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace ClaimsTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Reports",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english', coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('english', coalesce(\"Text\", '')), 'C')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Claims",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english', coalesce(\"Summary\", '')), 'B') || setweight(to_tsvector('english', coalesce(\"QuoteExact\", '')), 'B')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_SearchVector",
                table: "Reports",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_SearchVector",
                table: "Claims",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_SearchVector",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Claims_SearchVector",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "Claims");
        }
    }
}
