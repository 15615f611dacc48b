using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimsTracker.Data.Migrations
{
    /// <inheritdoc />
    public partial class FigureAndConflictScopeKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Dropped during the backfill, which rewrites every figure, and built again after it: faster than updating it row by row.
            migrationBuilder.DropIndex(
                name: "IX_Figures_MetricId_Scope",
                table: "Figures");

            migrationBuilder.DropIndex(
                name: "IX_Conflicts_MetricId",
                table: "Conflicts");

            // Nullable while the existing rows are filled in, then required: with no default, a writer that leaves the key
            // out fails instead of storing a wrong one.
            migrationBuilder.AddColumn<string>(
                name: "ScopeKey",
                table: "Figures",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScopeKey",
                table: "Conflicts",
                type: "text",
                nullable: true);

            migrationBuilder.Sql(Backfill("Figures"));
            migrationBuilder.Sql(Backfill("Conflicts"));

            migrationBuilder.AlterColumn<string>(
                name: "ScopeKey",
                table: "Figures",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ScopeKey",
                table: "Conflicts",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Figures_MetricId_Scope",
                table: "Figures",
                columns: new[] { "MetricId", "Scope" });

            migrationBuilder.CreateIndex(
                name: "IX_Figures_MetricId_ScopeKey",
                table: "Figures",
                columns: new[] { "MetricId", "ScopeKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Conflicts_MetricId_ScopeKey",
                table: "Conflicts",
                columns: new[] { "MetricId", "ScopeKey" });
        }

        /// <summary>Each distinct scope of the table is folded once, then joined to its rows (1M figures, a few thousand scopes).</summary>
        private static string Backfill(string table) => $"""
            UPDATE "{table}" t SET "ScopeKey" = k.key
            FROM (SELECT d."Scope", {ScopeKeyOf("d.\"Scope\"")} AS key FROM (SELECT DISTINCT "Scope" FROM "{table}") d) k
            WHERE t."Scope" = k."Scope";
            """;

        /// <summary>
        /// <c>NameKey.From</c> in SQL, for the rows stored before the key was (the app sets it from then on, in C#). Chosen over a
        /// C# backfill at start-up because it runs inside the migration, whoever applies it, and 1M rows take one statement.
        /// Step by step as NameKey: decompose (NFD); a character beyond the BMP is two UTF-16 halves there, never a letter,
        /// so a separator; drop non-spacing marks, format characters and apostrophes; lower-case as char.ToLowerInvariant
        /// does (Σ to σ first: ICU's lower() makes a final one ς); runs of anything but letters and digits become one space.
        /// ICU's [:alnum:] is NameKey's char.IsLetterOrDigit (letters and decimal digits). NameKeyBackfillTests checks it
        /// against NameKey.From on tricky scopes and on every character of the Latin, Greek, Cyrillic, Hebrew and Arabic blocks;
        /// it can differ only on characters newer than the server's ICU data.
        /// </summary>
        public static string ScopeKeyOf(string column) => $"""
            btrim(regexp_replace(
                lower(translate(
                    regexp_replace(
                        regexp_replace(normalize({column}, NFD), '[\U00010000-\U0010FFFF]', ' ', 'g'),
                        '[{MarksAndFormatCharacters.ReplaceLineEndings(string.Empty)}''’]', '', 'g'),
                    'Σ', 'σ') COLLATE "und-x-icu"),
                '[^[:alnum:]]+', ' ', 'g'), ' ') COLLATE "default"
            """;

        /// <summary>
        /// Every non-spacing mark (Mn) and format character (Cf) of the BMP, as .NET 10 classifies them
        /// (<c>CharUnicodeInfo.GetUnicodeCategory</c> over U+0000–U+FFFF, written out once for this migration).
        /// </summary>
        private const string MarksAndFormatCharacters = """
            \u00AD\u0300-\u036F\u0483-\u0487\u0591-\u05BD\u05BF\u05C1-\u05C2\u05C4-\u05C5\u05C7\u0600-\u0605
            \u0610-\u061A\u061C\u064B-\u065F\u0670\u06D6-\u06DD\u06DF-\u06E4\u06E7-\u06E8\u06EA-\u06ED\u070F\u0711
            \u0730-\u074A\u07A6-\u07B0\u07EB-\u07F3\u07FD\u0816-\u0819\u081B-\u0823\u0825-\u0827\u0829-\u082D
            \u0859-\u085B\u0890-\u0891\u0897-\u089F\u08CA-\u0902\u093A\u093C\u0941-\u0948\u094D\u0951-\u0957
            \u0962-\u0963\u0981\u09BC\u09C1-\u09C4\u09CD\u09E2-\u09E3\u09FE\u0A01-\u0A02\u0A3C\u0A41-\u0A42
            \u0A47-\u0A48\u0A4B-\u0A4D\u0A51\u0A70-\u0A71\u0A75\u0A81-\u0A82\u0ABC\u0AC1-\u0AC5\u0AC7-\u0AC8\u0ACD
            \u0AE2-\u0AE3\u0AFA-\u0AFF\u0B01\u0B3C\u0B3F\u0B41-\u0B44\u0B4D\u0B55-\u0B56\u0B62-\u0B63\u0B82\u0BC0
            \u0BCD\u0C00\u0C04\u0C3C\u0C3E-\u0C40\u0C46-\u0C48\u0C4A-\u0C4D\u0C55-\u0C56\u0C62-\u0C63\u0C81\u0CBC
            \u0CBF\u0CC6\u0CCC-\u0CCD\u0CE2-\u0CE3\u0D00-\u0D01\u0D3B-\u0D3C\u0D41-\u0D44\u0D4D\u0D62-\u0D63\u0D81
            \u0DCA\u0DD2-\u0DD4\u0DD6\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0EB1\u0EB4-\u0EBC\u0EC8-\u0ECE\u0F18-\u0F19
            \u0F35\u0F37\u0F39\u0F71-\u0F7E\u0F80-\u0F84\u0F86-\u0F87\u0F8D-\u0F97\u0F99-\u0FBC\u0FC6\u102D-\u1030
            \u1032-\u1037\u1039-\u103A\u103D-\u103E\u1058-\u1059\u105E-\u1060\u1071-\u1074\u1082\u1085-\u1086\u108D
            \u109D\u135D-\u135F\u1712-\u1714\u1732-\u1733\u1752-\u1753\u1772-\u1773\u17B4-\u17B5\u17B7-\u17BD\u17C6
            \u17C9-\u17D3\u17DD\u180B-\u180F\u1885-\u1886\u18A9\u1920-\u1922\u1927-\u1928\u1932\u1939-\u193B
            \u1A17-\u1A18\u1A1B\u1A56\u1A58-\u1A5E\u1A60\u1A62\u1A65-\u1A6C\u1A73-\u1A7C\u1A7F\u1AB0-\u1ABD
            \u1ABF-\u1ACE\u1B00-\u1B03\u1B34\u1B36-\u1B3A\u1B3C\u1B42\u1B6B-\u1B73\u1B80-\u1B81\u1BA2-\u1BA5
            \u1BA8-\u1BA9\u1BAB-\u1BAD\u1BE6\u1BE8-\u1BE9\u1BED\u1BEF-\u1BF1\u1C2C-\u1C33\u1C36-\u1C37\u1CD0-\u1CD2
            \u1CD4-\u1CE0\u1CE2-\u1CE8\u1CED\u1CF4\u1CF8-\u1CF9\u1DC0-\u1DFF\u200B-\u200F\u202A-\u202E\u2060-\u2064
            \u2066-\u206F\u20D0-\u20DC\u20E1\u20E5-\u20F0\u2CEF-\u2CF1\u2D7F\u2DE0-\u2DFF\u302A-\u302D\u3099-\u309A
            \uA66F\uA674-\uA67D\uA69E-\uA69F\uA6F0-\uA6F1\uA802\uA806\uA80B\uA825-\uA826\uA82C\uA8C4-\uA8C5
            \uA8E0-\uA8F1\uA8FF\uA926-\uA92D\uA947-\uA951\uA980-\uA982\uA9B3\uA9B6-\uA9B9\uA9BC-\uA9BD\uA9E5
            \uAA29-\uAA2E\uAA31-\uAA32\uAA35-\uAA36\uAA43\uAA4C\uAA7C\uAAB0\uAAB2-\uAAB4\uAAB7-\uAAB8\uAABE-\uAABF
            \uAAC1\uAAEC-\uAAED\uAAF6\uABE5\uABE8\uABED\uFB1E\uFE00-\uFE0F\uFE20-\uFE2F\uFEFF\uFFF9-\uFFFB
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Figures_MetricId_ScopeKey",
                table: "Figures");

            migrationBuilder.DropIndex(
                name: "IX_Conflicts_MetricId_ScopeKey",
                table: "Conflicts");

            migrationBuilder.DropColumn(
                name: "ScopeKey",
                table: "Figures");

            migrationBuilder.DropColumn(
                name: "ScopeKey",
                table: "Conflicts");

            migrationBuilder.CreateIndex(
                name: "IX_Conflicts_MetricId",
                table: "Conflicts",
                column: "MetricId");
        }
    }
}
