using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimsTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportTextSketchForDuplicateCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int[]>(
                name: "TextSketch",
                table: "Reports",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'::integer[]");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OutletId_PublishedOn",
                table: "Reports",
                columns: new[] { "OutletId", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_TextSketch",
                table: "Reports",
                column: "TextSketch")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_OutletId_PublishedOn",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_TextSketch",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "TextSketch",
                table: "Reports");
        }
    }
}
