using ClaimsTracker.Data;
using ClaimsTracker.Data.Migrations;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace ClaimsTracker.Web.Tests.Data;

/// <summary>The migration's SQL gives the rows stored before it the key the app gives every new row (<see cref="NameKey.From"/>).</summary>
public class ScopeKeyMigrationTests
{
    private const string BeforeScopeKeys = "20261130133326_ReportTextSketchIndexWithoutPendingList";

    /// <summary>Accents, apostrophes, punctuation, digits, spaces, scripts, invisible characters, emoji.</summary>
    private static readonly string[] TrickyScopes =
    [
        "Kursk region", "Kursk Region,", "  Kursk   Région ", "KURSK – région", "O'Brien’s Point", "Côte d’Ivoire", "Belgorod Oblast'",
        "Sector 3-B, No. 5", "1st Ward (north)", "Łódź", "Straße 12", "Zürich\u00ADsee", "Gaza\u200B City", "Київ", "Харків/Kharkiv",
        "ΟΔΟΣ ΑΘΗΝΑΣ", "İstanbul", "القدس", "Tel Aviv–Yafo", "\u1E9E Street", "ǅemal", "Ⅻ district", "😀 Gaza 😀", "𝐀rea 51", "",
        "   ", "...", "a\u0301\u0302b", "Dunmoor\tWest\nside", "São Tomé", "Nouméa", "Đà Nẵng", "Ørsted", "Æbeltoft", "Þingvellir",
    ];

    [Fact]
    public async Task ScopeKeyOf_TrickyScopes_AgreesWithNameKey()
    {
        var keys = await KeysInSqlAsync(TrickyScopes);

        Assert.Equal(TrickyScopes.Select(NameKey.From), keys);
    }

    [Fact]
    public async Task ScopeKeyOf_EveryCharacterOfLatinGreekCyrillicHebrewArabicAndPunctuation_AgreesWithNameKey()
    {
        // Each character inside a word and after one: a letter, a mark, a separator and a dropped character differ in both.
        var characters = Enumerable.Range(0x0001, 0x06FF).Concat(Enumerable.Range(0x1D00, 0x1300)).Concat(Enumerable.Range(0x2000, 0x70))
            .Select(c => ((char)c).ToString());
        var scopes = characters.SelectMany(c => new[] { $"x{c}y", $"AB{c}" }).ToArray();

        var keys = await KeysInSqlAsync(scopes);

        var differ = scopes.Zip(keys).Where(p => NameKey.From(p.First) != p.Second)
            .Select(p => $"U+{(int)p.First[^2]:X4} '{p.First}': '{NameKey.From(p.First)}' in C#, '{p.Second}' in SQL").ToList();
        Assert.Empty(differ);
    }

    [Fact]
    public async Task Migrate_FiguresAndConflictsStoredBefore_GetTheNameKeyOfTheirScope()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync("scopekeymigration");
        await using var db = new ClaimsDbContext(new DbContextOptionsBuilder<ClaimsDbContext>().UseNpgsql(connectionString).Options);
        await db.GetService<IMigrator>().MigrateAsync(BeforeScopeKeys);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO "Sources" ("Id", "Name", "Kind") VALUES (1, 'Steppe Courier', 'Outlet'), (2, 'Kursk governor', 'Person');
                INSERT INTO "Reports" ("Id", "Title", "OutletId", "Authors", "PublishedOn", "Language", "Text", "EnteredBy", "EnteredAt")
                VALUES (1, 'Evacuation', 1, '{}', '2025-01-12', 'en', 'People left.', 'test', now());
                INSERT INTO "Claims" ("Id", "ReportId", "SourceId", "Summary", "QuoteExact", "QuotePrefix", "QuoteSuffix", "QuoteStart", "QuoteEnd", "QuoteIsOrphaned")
                VALUES (1, 1, 2, 'People evacuated', 'People left', '', '.', 0, 11, false);
                INSERT INTO "Metrics" ("Id", "Key", "Name", "Kind", "IsCumulative", "IsSingleEvent") VALUES (1, 'evacuated', 'Evacuated', 'Count', false, false);
                INSERT INTO "Figures" ("ClaimId", "MetricId", "Kind", "Scope", "AsWritten", "Qualifier", "TimeKind", "Rank")
                SELECT 1, 1, 'Count', scope, '1,200', 'Exact', 'Unknown', 'Normal' FROM unnest(@scopes) AS scope;
                INSERT INTO "Conflicts" ("Kind", "MetricId", "Scope", "Signature", "Severity", "Explanation", "Status", "DetectedAt")
                SELECT 'ValueDisagreement', 1, scope, 'test|' || n, 0.5, '2 camps', 'Open', now() FROM unnest(@scopes) WITH ORDINALITY AS u(scope, n);
                """, connection);
            insert.Parameters.Add(new NpgsqlParameter { ParameterName = "scopes", Value = TrickyScopes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await insert.ExecuteNonQueryAsync();
        }

        await db.Database.MigrateAsync();

        var figures = await db.Figures.AsNoTracking().Select(f => new { f.Scope, f.ScopeKey }).ToListAsync();
        var conflicts = await db.Conflicts.AsNoTracking().Select(c => new { c.Scope, c.ScopeKey }).ToListAsync();
        Assert.Equal(TrickyScopes.Length, figures.Count);
        Assert.Equal(TrickyScopes.Length, conflicts.Count);
        Assert.All(figures, f => Assert.Equal(NameKey.From(f.Scope), f.ScopeKey));
        Assert.All(conflicts, c => Assert.Equal(NameKey.From(c.Scope), c.ScopeKey));
    }

    private static async Task<List<string>> KeysInSqlAsync(string[] scopes)
    {
        await using var connection = new NpgsqlConnection(await TestDatabases.CreateAsync("scopekeysql"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""SELECT {FigureAndConflictScopeKey.ScopeKeyOf("s.scope")} FROM unnest($1) WITH ORDINALITY AS s(scope, n) ORDER BY s.n""", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = scopes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var keys = new List<string>(scopes.Length);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
