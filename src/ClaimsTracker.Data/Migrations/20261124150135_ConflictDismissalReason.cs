using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimsTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConflictDismissalReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DismissalReason",
                table: "Conflicts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DismissalReason",
                table: "Conflicts");
        }
    }
}
