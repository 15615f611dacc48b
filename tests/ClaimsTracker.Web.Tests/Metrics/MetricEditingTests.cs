using System.Globalization;
using System.Security.Claims;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Metrics;

/// <summary>Editors creating and editing catalogue metrics, on a fresh database per test.</summary>
public class MetricEditingTests : IAsyncLifetime
{
    private DemoDatabase demo = null!;
    private TestContextFactory contexts = null!;
    private MetricEditor editor = null!;

    public async Task InitializeAsync()
    {
        demo = await DemoDatabase.CreateAsync("metrics");
        contexts = demo.Contexts;
        editor = new MetricEditor(contexts, demo.Authorization, demo.Detection);
    }

    public async Task DisposeAsync() => await demo.DisposeAsync();

    [Fact]
    public async Task Create_WithParts_SavesAndAudits()
    {
        var killed = (await MetricAsync("nk-killed")).Id;

        var outcome = await editor.CreateAsync(User(Roles.Editor), new MetricInput
        {
            Key = "nk-killed-total",
            Name = "North Korean soldiers killed, all causes",
            Unit = "soldiers",
            IsCumulative = true,
            PartIds = [killed],
        });

        var id = ResultAssert.Saved(outcome).MetricId;
        await using var db = contexts.CreateDbContext();
        Assert.Equal([killed], await db.MetricParts.Where(p => p.WholeId == id).Select(p => p.PartId).ToListAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Metric" && a.EntityId == id.ToString(CultureInfo.InvariantCulture) && a.Note == "metric created"));
    }

    [Fact]
    public async Task Create_InvalidFields_AreRefusedPerFieldAndSaveNothing()
    {
        var before = await CountAsync();

        var outcome = await editor.CreateAsync(User(Roles.Editor), new MetricInput
        {
            Key = "Not A Slug",
            Name = "",
            Unit = new string('u', 65),
            IsCumulative = true,
            IsSingleEvent = true,
        });

        var invalid = ResultAssert.Invalid(outcome);
        Assert.Equal(["IsSingleEvent", "Key", "Name", "Unit"], invalid.Errors.Keys.Order());
        Assert.Contains("lower-case", invalid.Errors["Key"][0], StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Create_KeyOrNameTaken_IsRefusedNamingTheOwner()
    {
        var outcome = await editor.CreateAsync(User(Roles.Editor), new MetricInput { Key = "nk-killed", Name = "Capture date" });

        var invalid = ResultAssert.Invalid(outcome);
        Assert.Equal("The key “nk-killed” is already used by “North Korean soldiers killed”.", Assert.Single(invalid.Errors["Key"]));
        Assert.Contains("already a metric called", Assert.Single(invalid.Errors["Name"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_PartThatContainsTheWhole_IsRefusedAsACycle()
    {
        var killed = await MetricAsync("nk-killed");
        var whole = await MetricAsync("nk-killed-or-wounded");
        var (input, version) = (await editor.LoadAsync(killed.Id))!.Value;
        input.PartIds = [whole.Id];

        var outcome = await editor.UpdateAsync(User(Roles.Editor), killed.Id, version, input);

        var message = Assert.Single(ResultAssert.Invalid(outcome).Errors["PartIds"]);
        Assert.Contains("already includes this metric", message, StringComparison.Ordinal);
        Assert.Contains("North Korean soldiers killed or wounded → North Korean soldiers killed", message, StringComparison.Ordinal);
        await using var db = contexts.CreateDbContext();
        Assert.False(await db.MetricParts.AnyAsync(p => p.WholeId == killed.Id));
    }

    [Fact]
    public async Task Update_OwnPartOrOtherKind_IsRefused()
    {
        var whole = await MetricAsync("nk-killed-or-wounded");
        var date = await MetricAsync("capture-date");
        var (input, version) = (await editor.LoadAsync(whole.Id))!.Value;
        input.PartIds = [whole.Id, date.Id];

        var outcome = await editor.UpdateAsync(User(Roles.Editor), whole.Id, version, input);

        var errors = ResultAssert.Invalid(outcome).Errors["PartIds"];
        Assert.Contains("A metric cannot be its own part.", errors);
        Assert.Contains(errors, e => e.Contains("measured as Date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_KindOfAMetricWithFigures_IsRefused()
    {
        var whole = await MetricAsync("nk-killed-or-wounded");
        var (input, version) = (await editor.LoadAsync(whole.Id))!.Value;
        input.Kind = FigureKind.Percentage;
        input.PartIds = [];

        var outcome = await editor.UpdateAsync(User(Roles.Editor), whole.Id, version, input);

        Assert.Contains("cannot change", Assert.Single(ResultAssert.Invalid(outcome).Errors["Kind"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_PartsRemoved_PartsLeaveTheWholesDispute()
    {
        var whole = await MetricAsync("nk-killed-or-wounded");
        var dispute = Assert.Single(await ConflictsAsync(whole.Id, ConflictKind.ValueDisagreement));
        Assert.Contains("300", await MemberTextsAsync(dispute.Id));
        var (input, version) = (await editor.LoadAsync(whole.Id))!.Value;
        input.PartIds = [];

        var outcome = await editor.UpdateAsync(User(Roles.Editor), whole.Id, version, input);

        Assert.True(ResultAssert.Saved(outcome).DetectionRan);
        // The spy agency's killed + wounded are no longer a position on the whole.
        var members = await MemberTextsAsync(dispute.Id);
        Assert.DoesNotContain("300", members);
        Assert.DoesNotContain("2,700", members);
    }

    private async Task<List<string>> MemberTextsAsync(int conflictId)
    {
        await using var db = contexts.CreateDbContext();
        return await db.ConflictMembers.Where(m => m.ConflictId == conflictId).Select(m => m.Figure!.AsWritten).ToListAsync();
    }

    [Fact]
    public async Task Update_DescriptionOnly_DoesNotRunDetection()
    {
        var whole = await MetricAsync("nk-killed-or-wounded");
        var (input, version) = (await editor.LoadAsync(whole.Id))!.Value;
        input.Description = "Dead and wounded together.";

        var outcome = await editor.UpdateAsync(User(Roles.Editor), whole.Id, version, input);

        Assert.False(ResultAssert.Saved(outcome).DetectionRan);
        Assert.Equal("Dead and wounded together.", (await MetricAsync("nk-killed-or-wounded")).Description);
    }

    [Fact]
    public async Task Update_StaleVersion_IsRefused()
    {
        var metric = await MetricAsync("nk-captured");
        var (first, version) = (await editor.LoadAsync(metric.Id))!.Value;
        var (second, _) = (await editor.LoadAsync(metric.Id))!.Value;
        first.Unit = "prisoners";
        second.Unit = "people";

        ResultAssert.Saved(await editor.UpdateAsync(User(Roles.Editor), metric.Id, version, first));
        var outcome = await editor.UpdateAsync(User(Roles.Admin), metric.Id, version, second);

        Assert.Contains("changed by someone else", ResultAssert.Conflict(outcome).Message, StringComparison.Ordinal);
        Assert.Equal("prisoners", (await MetricAsync("nk-captured")).Unit);
    }

    [Fact]
    public async Task CreateAndUpdate_Analyst_IsForbidden()
    {
        var metric = await MetricAsync("nk-captured");
        var (input, version) = (await editor.LoadAsync(metric.Id))!.Value;

        ResultAssert.Forbidden(await editor.CreateAsync(User(Roles.Analyst), new MetricInput { Key = "x", Name = "X" }));
        ResultAssert.Forbidden(await editor.UpdateAsync(User(Roles.Analyst), metric.Id, version, input with { Unit = "people" }));
        Assert.Equal(metric.Version, (await MetricAsync("nk-captured")).Version);
    }

    [Theory]
    [InlineData("race-metric", "Race metric", "another-key", "Race metric", "Name")]
    [InlineData("race-metric", "Race metric", "race-metric", "Another name", "Key")]
    public async Task Create_SameKeyOrNameSavedByAnotherEditorAtTheSameMoment_IsAnAlreadyExistsFailureOnThatField(
        string winnerKey, string winnerName, string loserKey, string loserName, string field)
    {
        var before = await CountAsync();

        var outcome = await NameRace.LoseToAsync(contexts,
            winner => winner.Metrics.Add(Domain.Metrics.Metric.Create(new MetricInput { Key = winnerKey, Name = winnerName }.Details(), []).Value),
            () => editor.CreateAsync(User(Roles.Editor), new MetricInput { Key = loserKey, Name = loserName }));

        var invalid = ResultAssert.Invalid(outcome);
        Assert.Contains("already exists", Assert.Single(invalid.Errors[field]), StringComparison.Ordinal);
        Assert.Equal(before + 1, await CountAsync());
    }

    private static ClaimsPrincipal User(string role) => DemoDatabase.User(role);

    private async Task<Domain.Metrics.Metric> MetricAsync(string key)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Metrics.AsNoTracking().SingleAsync(m => m.Key == key);
    }

    private async Task<List<Conflict>> ConflictsAsync(int metricId, ConflictKind kind)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Conflicts.AsNoTracking().Where(c => c.MetricId == metricId && c.Kind == kind).ToListAsync();
    }

    private async Task<int> CountAsync()
    {
        await using var db = contexts.CreateDbContext();
        return await db.Metrics.CountAsync();
    }
}
