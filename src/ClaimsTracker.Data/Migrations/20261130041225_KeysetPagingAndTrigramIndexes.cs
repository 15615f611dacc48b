using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimsTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeysetPagingAndTrigramIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_OutletId",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_PublishedOn",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Figures_ClaimId",
                table: "Figures");

            migrationBuilder.DropIndex(
                name: "IX_Conflicts_Status_Severity",
                table: "Conflicts");

            migrationBuilder.DropIndex(
                name: "IX_Claims_ReportId",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_SourceId",
                table: "Claims");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_Sources_Kind_Id",
                table: "Sources",
                columns: new[] { "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Sources_Name_Trigram",
                table: "Sources",
                column: "Name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_SourceAliases_NameKey_Trigram",
                table: "SourceAliases",
                column: "NameKey")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OutletId_Id",
                table: "Reports",
                columns: new[] { "OutletId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_PublishedOn_Id",
                table: "Reports",
                columns: new[] { "PublishedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Title_Id",
                table: "Reports",
                columns: new[] { "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Metrics_Name_Trigram",
                table: "Metrics",
                column: "Name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Figures_ClaimId_Id",
                table: "Figures",
                columns: new[] { "ClaimId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Conflicts_Status_Severity_Id",
                table: "Conflicts",
                columns: new[] { "Status", "Severity", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_ReportId_Id",
                table: "Claims",
                columns: new[] { "ReportId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_SourceId_Id",
                table: "Claims",
                columns: new[] { "SourceId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sources_Kind_Id",
                table: "Sources");

            migrationBuilder.DropIndex(
                name: "IX_Sources_Name_Trigram",
                table: "Sources");

            migrationBuilder.DropIndex(
                name: "IX_SourceAliases_NameKey_Trigram",
                table: "SourceAliases");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OutletId_Id",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_PublishedOn_Id",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_Title_Id",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Metrics_Name_Trigram",
                table: "Metrics");

            migrationBuilder.DropIndex(
                name: "IX_Figures_ClaimId_Id",
                table: "Figures");

            migrationBuilder.DropIndex(
                name: "IX_Conflicts_Status_Severity_Id",
                table: "Conflicts");

            migrationBuilder.DropIndex(
                name: "IX_Claims_ReportId_Id",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_SourceId_Id",
                table: "Claims");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OutletId",
                table: "Reports",
                column: "OutletId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_PublishedOn",
                table: "Reports",
                column: "PublishedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Figures_ClaimId",
                table: "Figures",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_Conflicts_Status_Severity",
                table: "Conflicts",
                columns: new[] { "Status", "Severity" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_ReportId",
                table: "Claims",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_SourceId",
                table: "Claims",
                column: "SourceId");
        }
    }
}
