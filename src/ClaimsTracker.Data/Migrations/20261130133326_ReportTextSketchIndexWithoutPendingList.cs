using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimsTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportTextSketchIndexWithoutPendingList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_TextSketch",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_TextSketch",
                table: "Reports",
                column: "TextSketch")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_TextSketch",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_TextSketch",
                table: "Reports",
                column: "TextSketch")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
