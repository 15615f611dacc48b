using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace ClaimsTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class SourceNameSearchVector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Sources",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english', coalesce(\"Name\", '')), 'A')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sources_SearchVector",
                table: "Sources",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sources_SearchVector",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "Sources");
        }
    }
}
