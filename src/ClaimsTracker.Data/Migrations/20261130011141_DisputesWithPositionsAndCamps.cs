using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimsTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class DisputesWithPositionsAndCamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Camp",
                table: "ConflictMembers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Existing members get an empty array here; the next detection run fills in their
            // positions and camps (DetectAll, or --detect-conflicts).
            migrationBuilder.AddColumn<List<int>>(
                name: "ConsistentCamps",
                table: "ConflictMembers",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<int>(
                name: "Position",
                table: "ConflictMembers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "ProposalConfidence",
                table: "Claims",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Camp",
                table: "ConflictMembers");

            migrationBuilder.DropColumn(
                name: "ConsistentCamps",
                table: "ConflictMembers");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "ConflictMembers");

            migrationBuilder.DropColumn(
                name: "ProposalConfidence",
                table: "Claims");
        }
    }
}
