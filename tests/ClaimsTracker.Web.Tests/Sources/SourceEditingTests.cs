using System.Security.Claims;
using ClaimsTracker.Data.Sources;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Sources;

/// <summary>Editors creating, editing and merging the demo sources, on a fresh database per test.</summary>
public class SourceEditingTests : IAsyncLifetime
{
    private DemoDatabase demo = null!;
    private TestContextFactory contexts = null!;
    private SourceEditor editor = null!;
    private SourceQueries queries = null!;

    public async Task InitializeAsync()
    {
        demo = await DemoDatabase.CreateAsync("sources");
        contexts = demo.Contexts;
        editor = new SourceEditor(contexts, demo.Authorization, demo.Detection);
        queries = new SourceQueries(contexts);
    }

    public async Task DisposeAsync() => await demo.DisposeAsync();

    [Fact]
    public async Task Create_ValidInput_SavesWithAliasesAndAudits()
    {
        var outcome = await editor.CreateAsync(User(Roles.Editor), new SourceInput
        {
            Name = "Rustem Umerov",
            Kind = SourceKind.Person,
            Affiliation = "Ukraine",
            Aliases = ["Umerov", " Defence Minister Umerov ", "umerov"],
        });

        var id = ResultAssert.Saved(outcome).SourceId;
        var detail = await queries.GetAsync(id);
        Assert.Equal(["Defence Minister Umerov", "Umerov"], detail!.Aliases);
        Assert.Contains(await queries.HistoryAsync(id), h => h.Action == "Added" && h.Note == "source created");
    }

    [Fact]
    public async Task Create_SameNameSavedByAnotherEditorAtTheSameMoment_IsAnAlreadyExistsFailureNotAnException()
    {
        var input = new SourceInput { Name = "Andriy Kovalenko", Kind = SourceKind.Person, Affiliation = "Ukraine" };

        var outcome = await NameRace.LoseToAsync(contexts,
            winner => winner.Sources.Add(Source.Create(input.Details()).Value),
            () => editor.CreateAsync(User(Roles.Editor), input));

        var invalid = ResultAssert.Invalid(outcome);
        Assert.Contains("already exists", invalid.Errors[nameof(SourceInput.Name)][0], StringComparison.Ordinal);
        await using var db = contexts.CreateDbContext();
        Assert.Equal(1, await db.Sources.CountAsync(s => s.Name == "Andriy Kovalenko"));
    }

    [Fact]
    public async Task Create_MissingNameAndOverlongFields_IsRefusedPerFieldAndSavesNothing()
    {
        var before = await CountSourcesAsync();

        var outcome = await editor.CreateAsync(User(Roles.Editor), new SourceInput
        {
            Name = "  ",
            Affiliation = new string('a', 201),
            Description = new string('d', 1001),
            Aliases = ["!!!"],
        });

        var invalid = ResultAssert.Invalid(outcome);
        Assert.Equal(["Affiliation", "Aliases", "Description", "Name"], invalid.Errors.Keys.Order());
        Assert.Contains("name is required", invalid.Errors["Name"][0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("200", invalid.Errors["Affiliation"][0], StringComparison.Ordinal);
        Assert.Equal(before, await CountSourcesAsync());
    }

    [Fact]
    public async Task Create_NameKnownAsAnotherSource_IsRefusedNamingIt()
    {
        var outcome = await editor.CreateAsync(User(Roles.Editor), new SourceInput { Name = "ZELENSKYY" });

        var invalid = ResultAssert.Invalid(outcome);
        Assert.Contains("Volodymyr Zelensky", invalid.Errors["Name"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_AliasOwnedByAnotherSource_IsRefusedWithItsNameAndChangesNothing()
    {
        var (id, version) = await SourceAsync("National Intelligence Service");
        var (input, _) = (await editor.LoadAsync(id))!.Value;
        input.Aliases.Add("SBU");

        var outcome = await editor.UpdateAsync(User(Roles.Editor), id, version, input);

        var invalid = ResultAssert.Invalid(outcome);
        Assert.Equal("“SBU” already belongs to Security Service of Ukraine.", Assert.Single(invalid.Errors["Aliases"]));
        Assert.Equal(version, (await SourceAsync("National Intelligence Service")).Version);
    }

    [Fact]
    public async Task Update_AddsAndRemovesAliases_AuditsWithANote()
    {
        var (id, version) = await SourceAsync("John Kirby");
        var (input, _) = (await editor.LoadAsync(id))!.Value;
        input.Aliases = ["Admiral Kirby"];
        input.Description = "White House national security spokesman.";

        var outcome = await editor.UpdateAsync(User(Roles.Editor), id, version, input);

        ResultAssert.Saved(outcome);
        Assert.Equal(["Admiral Kirby"], (await queries.GetAsync(id))!.Aliases);
        await using var db = contexts.CreateDbContext();
        Assert.Equal(id, (await SourceDirectory.FindAsync(db, "admiral kirby"))?.Id);
        Assert.Null(await SourceDirectory.FindAsync(db, "Kirby"));
        var latest = (await queries.HistoryAsync(id))[0];
        Assert.Equal("source edited; aliases added: Admiral Kirby; aliases removed: Kirby", latest.Note);
    }

    [Fact]
    public async Task Update_OnlyAliasesChanged_StillMovesTheVersion()
    {
        var (id, version) = await SourceAsync("John Kirby");
        var (input, _) = (await editor.LoadAsync(id))!.Value;
        input.Aliases.Add("Rear Admiral Kirby");

        ResultAssert.Saved(await editor.UpdateAsync(User(Roles.Editor), id, version, input));

        var stale = await editor.UpdateAsync(User(Roles.Editor), id, version, input with { Description = "Overwrites?" });
        Assert.Contains("Someone else changed this source", ResultAssert.Conflict(stale).Message, StringComparison.Ordinal);
        Assert.NotEqual("Overwrites?", (await queries.GetAsync(id))!.Description);
    }

    [Fact]
    public async Task Update_StaleVersion_IsRefusedAndKeepsTheOtherEdit()
    {
        var (id, version) = await SourceAsync("John Kirby");
        var (first, _) = (await editor.LoadAsync(id))!.Value;
        var (second, _) = (await editor.LoadAsync(id))!.Value;
        first.Affiliation = "United States";
        second.Affiliation = "USA";

        ResultAssert.Saved(await editor.UpdateAsync(User(Roles.Editor, "first@claims.test"), id, version, first));
        var outcome = await editor.UpdateAsync(User(Roles.Editor, "second@claims.test"), id, version, second);

        Assert.Contains("(Person, United States)", ResultAssert.Conflict(outcome).Message, StringComparison.Ordinal);
        Assert.Equal("United States", (await queries.GetAsync(id))!.Affiliation);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Reviewer)]
    public async Task CreateUpdateMerge_NotAnEditor_IsForbidden(string role)
    {
        var (kirby, kirbyVersion) = await SourceAsync("John Kirby");
        var (blinken, blinkenVersion) = await SourceAsync("Antony Blinken");

        ResultAssert.Forbidden(await editor.CreateAsync(User(role), new SourceInput { Name = "Someone new" }));
        ResultAssert.Forbidden(await editor.UpdateAsync(User(role), kirby, kirbyVersion, new SourceInput { Name = "Kirby" }));
        ResultAssert.Forbidden(await editor.MergeAsync(User(role), new MergeRequest(kirby, kirbyVersion, blinken, blinkenVersion)));
        Assert.Equal(kirbyVersion, (await SourceAsync("John Kirby")).Version);
    }

    [Fact]
    public async Task Merge_MovesClaimsRelaysReportsAndAliases()
    {
        var (yonhap, yonhapVersion) = await SourceAsync("Yonhap News Agency");
        var (afp, afpVersion) = await SourceAsync("Agence France-Presse");
        var preview = (await editor.PreviewMergeAsync(afp, yonhap))!;
        var (claimsBefore, relayedBefore, reportsBefore) = await UsesAsync(afp);
        var moved = await UsesAsync(yonhap);
        Assert.Equal(moved, (preview.Claims, preview.RelayedClaims, preview.ReportsAsOutlet));
        Assert.True(moved.Claims + moved.Relayed + moved.Reports > 0, "the demo data should give Yonhap something to move");

        var outcome = await editor.MergeAsync(User(Roles.Editor), new MergeRequest(afp, afpVersion, yonhap, yonhapVersion));

        Assert.Equal(afp, ResultAssert.Saved(outcome).SourceId);
        Assert.Equal((0, 0, 0), await UsesAsync(yonhap));
        Assert.Equal((claimsBefore + moved.Claims, relayedBefore + moved.Relayed, reportsBefore + moved.Reports), await UsesAsync(afp));
        await using var db = contexts.CreateDbContext();
        Assert.False(await db.Sources.AnyAsync(s => s.Id == yonhap));
        Assert.Equal(["AFP", "Yonhap", "Yonhap News Agency"], (await queries.GetAsync(afp))!.Aliases);
        Assert.Equal(afp, (await SourceDirectory.FindAsync(db, "Yonhap News Agency"))?.Id);
        Assert.Equal(afp, (await SourceDirectory.FindAsync(db, "yonhap"))?.Id);
    }

    [Fact]
    public async Task Merge_IsAuditedWithANoteOnBothSources()
    {
        var (zelensky, zelenskyVersion) = await SourceAsync("Volodymyr Zelensky");
        var (blinken, blinkenVersion) = await SourceAsync("Antony Blinken");

        await editor.MergeAsync(User(Roles.Editor), new MergeRequest(zelensky, zelenskyVersion, blinken, blinkenVersion));

        var note = $"merged source {blinken} (Antony Blinken) into {zelensky} (Volodymyr Zelensky)";
        Assert.StartsWith(note, (await queries.HistoryAsync(zelensky))[0].Note, StringComparison.Ordinal);
        var gone = Assert.Single(await queries.HistoryAsync(blinken), h => h.Action == "Deleted");
        Assert.StartsWith(note, gone.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_SourcesOfADispute_DetectionRunsAndTheDisputeNamesOnlyTheSurvivor()
    {
        var (zelensky, zelenskyVersion) = await SourceAsync("Volodymyr Zelensky");
        var (blinken, blinkenVersion) = await SourceAsync("Antony Blinken");
        int conflictId;
        await using (var db = contexts.CreateDbContext())
        {
            conflictId = await db.Conflicts.Where(c => c.Kind == ConflictKind.ValueDisagreement && c.Status == ConflictStatus.Open
                    && c.Members.Any(m => m.Figure!.Claim!.SourceId == blinken) && c.Members.Any(m => m.Figure!.Claim!.SourceId == zelensky))
                .Select(c => c.Id).FirstAsync();
        }

        var outcome = await editor.MergeAsync(User(Roles.Editor), new MergeRequest(zelensky, zelenskyVersion, blinken, blinkenVersion));

        ResultAssert.Saved(outcome);
        await using var check = contexts.CreateDbContext();
        // One dispute per quantity: it stays, now with the survivor's own figures in different camps.
        var after = await check.Conflicts.SingleAsync(c => c.Id == conflictId);
        Assert.Equal(ConflictStatus.Open, after.Status);
        Assert.DoesNotContain("Blinken", after.Explanation, StringComparison.Ordinal);
        Assert.False(await check.ConflictMembers.AnyAsync(m => m.ConflictId == conflictId && m.Figure!.Claim!.SourceId == blinken));
    }

    [Fact]
    public async Task Merge_StaleVersionOrIntoItself_IsRefusedAndMovesNothing()
    {
        var (kirby, kirbyVersion) = await SourceAsync("John Kirby");
        var (blinken, blinkenVersion) = await SourceAsync("Antony Blinken");
        var before = await UsesAsync(blinken);

        var stale = await editor.MergeAsync(User(Roles.Editor), new MergeRequest(kirby, kirbyVersion, blinken, blinkenVersion - 1));
        var itself = await editor.MergeAsync(User(Roles.Editor), new MergeRequest(kirby, kirbyVersion, kirby, kirbyVersion));

        ResultAssert.Conflict(stale);
        ResultAssert.Invalid(itself);
        Assert.Equal(before, await UsesAsync(blinken));
    }

    private static ClaimsPrincipal User(string role, string? name = null) => DemoDatabase.User(role, name);

    private async Task<(int Id, uint Version)> SourceAsync(string name)
    {
        await using var db = contexts.CreateDbContext();
        var source = await db.Sources.AsNoTracking().SingleAsync(s => s.Name == name);
        return (source.Id, source.Version);
    }

    private async Task<(int Claims, int Relayed, int Reports)> UsesAsync(int sourceId)
    {
        await using var db = contexts.CreateDbContext();
        return (await db.Claims.CountAsync(c => c.SourceId == sourceId),
            await db.Claims.CountAsync(c => c.RelayedViaId == sourceId),
            await db.Reports.CountAsync(r => r.OutletId == sourceId));
    }

    private async Task<int> CountSourcesAsync()
    {
        await using var db = contexts.CreateDbContext();
        return await db.Sources.CountAsync();
    }
}
