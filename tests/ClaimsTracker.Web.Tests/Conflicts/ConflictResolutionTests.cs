using System.Security.Claims;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Conflicts;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Conflicts;

/// <summary>Reviewers' decisions on the demo conflicts, on a fresh database per test.</summary>
public class ConflictResolutionTests : IAsyncLifetime
{
    private DemoDatabase demo = null!;
    private TestContextFactory contexts = null!;
    private ConflictResolutionService resolution = null!;
    private ConflictQueries queries = null!;
    private ConflictDetectionService detection = null!;

    public async Task InitializeAsync()
    {
        demo = await DemoDatabase.CreateAsync("resolution");
        (contexts, detection) = (demo.Contexts, demo.Detection);
        resolution = new ConflictResolutionService(contexts, demo.Authorization);
        queries = new ConflictQueries(contexts);
    }

    public async Task DisposeAsync() => await demo.DisposeAsync();

    [Fact]
    public async Task Resolve_PreferFigure_RanksMembersAndRecordsHistory()
    {
        var (conflict, preferred) = await BlinkenAgainstZelenskyAsync();

        var outcome = await resolution.ResolveAsync(User(Roles.Reviewer), new ResolutionRequest(
            conflict.Id, conflict.Version, ConflictDecision.PreferFigure, preferred, null, "Dated estimate from an official US source."));

        var saved = ResultAssert.Saved(outcome);
        Assert.Equal(ConflictStatus.Resolved, saved.Status);
        Assert.Equal("reviewer@claims.test", saved.ResolvedBy);
        await using var db = contexts.CreateDbContext();
        var ranks = await db.ConflictMembers.Where(m => m.ConflictId == conflict.Id).Select(m => new { m.FigureId, m.Figure!.Rank }).ToListAsync();
        Assert.All(ranks, r => Assert.Equal(r.FigureId == preferred ? FigureRank.Preferred : FigureRank.Deprecated, r.Rank));
        var detail = await queries.GetAsync(conflict.Id);
        Assert.Contains(detail!.History, h => h.Note == $"resolved: figure {preferred} preferred" && h.UserName == "test"
            && h.Rationale == "Dated estimate from an official US source.");
    }

    [Fact]
    public async Task Resolve_PreferFigure_LeavesPositionsOfTheSameCampAtTheirRank()
    {
        var (conflict, _) = await BlinkenAgainstZelenskyAsync();
        await using var db = contexts.CreateDbContext();
        var moreThan = await db.Figures.Where(f => f.AsWritten == "more than 3,000").Select(f => f.Id).SingleAsync();

        var outcome = await resolution.ResolveAsync(User(Roles.Reviewer), new ResolutionRequest(
            conflict.Id, conflict.Version, ConflictDecision.PreferFigure, moreThan, null, "Two independent sources agree on more than 3,000."));

        ResultAssert.Saved(outcome);
        var ranks = await db.Figures.Where(f => f.Rank != FigureRank.Normal).ToDictionaryAsync(f => f.AsWritten, f => f.Rank);
        Assert.Equal(FigureRank.Preferred, ranks["more than 3,000"]);
        Assert.Equal(FigureRank.Deprecated, ranks["about 1,000"]);
        Assert.Equal(FigureRank.Deprecated, ranks["approximately 200"]);
        // Same camp: "as many as 4,000" and the agency's 300 + 2,700 agree with the preferred figure.
        Assert.False(ranks.ContainsKey("as many as 4,000"));
        Assert.False(ranks.ContainsKey("300"));
        var detail = await new ConflictQueries(contexts).GetAsync(conflict.Id);
        Assert.Equal(FigureRank.Preferred, detail!.Camps.SelectMany(c => c.Positions).Single(p => p.Figures.Any(f => f.FigureId == moreThan)).Rank);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Resolve_WithoutRationale_IsRefusedAndChangesNothing(string? rationale)
    {
        var (conflict, preferred) = await BlinkenAgainstZelenskyAsync();

        var outcome = await resolution.ResolveAsync(User(Roles.Reviewer), new ResolutionRequest(conflict.Id, conflict.Version, ConflictDecision.PreferFigure, preferred, null, rationale));

        var invalid = ResultAssert.Invalid(outcome);
        Assert.Contains("rationale is required", invalid.Errors["Rationale"][0], StringComparison.OrdinalIgnoreCase);
        await AssertUnchangedAsync(conflict);
    }

    [Fact]
    public async Task Resolve_PreferredFigureNotAMember_IsRefused()
    {
        var (conflict, _) = await BlinkenAgainstZelenskyAsync();

        var outcome = await resolution.ResolveAsync(User(Roles.Reviewer), new ResolutionRequest(conflict.Id, conflict.Version, ConflictDecision.PreferFigure, -1, null, "Because."));

        Assert.Contains("PreferredFigureId", ResultAssert.Invalid(outcome).Errors.Keys);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Editor)]
    public async Task Resolve_WithoutReviewerRole_IsForbiddenAndChangesNothing(string role)
    {
        var (conflict, preferred) = await BlinkenAgainstZelenskyAsync();

        var outcome = await resolution.ResolveAsync(User(role), new ResolutionRequest(conflict.Id, conflict.Version, ConflictDecision.PreferFigure, preferred, null, "I think so."));

        ResultAssert.Forbidden(outcome);
        await AssertUnchangedAsync(conflict);
    }

    [Fact]
    public async Task Resolve_AsAdmin_IsAllowed()
    {
        var (conflict, preferred) = await BlinkenAgainstZelenskyAsync();

        var outcome = await resolution.ResolveAsync(User(Roles.Admin), new ResolutionRequest(conflict.Id, conflict.Version, ConflictDecision.PreferFigure, preferred, null, "Admin decision."));

        ResultAssert.Saved(outcome);
    }

    [Fact]
    public async Task Resolve_SecondReviewerOnStaleVersion_GetsFirstDecisionAndCanReapply()
    {
        var (conflict, preferred) = await BlinkenAgainstZelenskyAsync();
        var first = await resolution.ResolveAsync(User(Roles.Reviewer, "first@claims.test"), new ResolutionRequest(
            conflict.Id, conflict.Version, ConflictDecision.PreferFigure, preferred, null, "First reviewer's reason."));
        ResultAssert.Saved(first);

        var second = await resolution.ResolveAsync(User(Roles.Reviewer, "second@claims.test"), new ResolutionRequest(
            conflict.Id, conflict.Version, ConflictDecision.NeedsMoreInformation, null, null, "Second reviewer's reason."));

        var changed = ResultAssert.Conflict(second);
        var current = Assert.IsType<ConflictState>(changed.Extensions[ConflictResolutionService.CurrentStateKey]);
        Assert.Equal(ConflictStatus.Resolved, current.Status);
        Assert.Equal(current.Version, ResultMessages.CurrentVersion(changed));
        Assert.Contains("first@claims.test", changed.Message, StringComparison.Ordinal);
        Assert.Contains("First reviewer's reason.", changed.Message, StringComparison.Ordinal);
        await using (var db = contexts.CreateDbContext())
        {
            Assert.Equal("First reviewer's reason.", (await db.Conflicts.SingleAsync(c => c.Id == conflict.Id)).Rationale);
        }

        var reapplied = await resolution.ResolveAsync(User(Roles.Reviewer, "second@claims.test"), new ResolutionRequest(
            conflict.Id, current.Version, ConflictDecision.NeedsMoreInformation, null, null, "Second reviewer's reason."));
        Assert.Equal(ConflictStatus.NeedsMoreInformation, ResultAssert.Saved(reapplied).Status);
    }

    [Fact]
    public async Task Resolve_NotAConflict_IsNotFlaggedAgainByDetection()
    {
        var conflict = await SingleAsync(ConflictKind.ReportingDiscrepancy);

        var outcome = await resolution.ResolveAsync(User(Roles.Reviewer), new ResolutionRequest(
            conflict.Id, conflict.Version, ConflictDecision.NotAConflict, null, DismissalReason.DifferentPeriod, "A running total and one week's losses."));
        var summary = await detection.DetectAllAsync();

        ResultAssert.Saved(outcome);
        Assert.Equal(0, summary.Added + summary.Reopened);
        await using var db = contexts.CreateDbContext();
        var stored = await db.Conflicts.SingleAsync(c => c.Id == conflict.Id);
        Assert.Equal((ConflictStatus.NotAConflict, DismissalReason.DifferentPeriod), (stored.Status, stored.DismissalReason));
    }

    [Fact]
    public async Task AssignToSelf_Reviewer_TakesTheConflict()
    {
        var conflict = await SingleAsync(ConflictKind.ReportingDiscrepancy);

        var outcome = await resolution.AssignToSelfAsync(User(Roles.Reviewer), conflict.Id, conflict.Version);

        Assert.Equal("reviewer@claims.test", ResultAssert.Saved(outcome).AssignedTo);
        var mine = await queries.ListAsync(new ConflictFilter(MineOnly: true), "reviewer@claims.test", new PageRequest());
        Assert.Equal([conflict.Id], mine.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task ListAsync_OpenConflicts_AreSortedBySeverityAndFilterable()
    {
        var all = await queries.ListAsync(new ConflictFilter(), null, new PageRequest(0, 50));
        var values = await queries.ListAsync(new ConflictFilter(Kind: ConflictKind.ValueDisagreement), null, new PageRequest(0, 50));
        var firstPage = await queries.ListAsync(new ConflictFilter(), null, new PageRequest(0, 2));
        var counts = await queries.CountsAsync();

        Assert.Equal(all.Items.Select(c => c.Severity).OrderDescending(), all.Items.Select(c => c.Severity));
        Assert.All(values.Items, c => Assert.Equal(ConflictKind.ValueDisagreement, c.Kind));
        // One dispute on the casualty figures, however many figures disagree in it.
        Assert.Equal(1, values.Total);
        Assert.Equal((2, all.Total), (firstPage.Items.Count, firstPage.Total));
        Assert.Equal(all.Total, counts.Open);
        Assert.Equal(counts.Open, counts.High + counts.Medium + counts.Low);
    }

    [Fact]
    public async Task GetAsync_Conflict_ShowsEachQuoteInItsContext()
    {
        var (conflict, _) = await BlinkenAgainstZelenskyAsync();

        var detail = await queries.GetAsync(conflict.Id);

        // Official, Blinken, Zelensky twice, the spy agency's two parts.
        Assert.Equal(6, detail!.Figures.Count);
        Assert.All(detail.Figures, f => Assert.Contains(f.AsWritten, f.Quote, StringComparison.Ordinal));
        Assert.Contains(detail.Figures, f => f.QuoteBefore.Length > 0);
    }

    private static ClaimsPrincipal User(string role, string? name = null) => DemoDatabase.User(role, name);

    private async Task<(Conflict Conflict, int PreferredFigureId)> BlinkenAgainstZelenskyAsync()
    {
        await using var db = contexts.CreateDbContext();
        var conflict = await db.Conflicts.AsNoTracking().SingleAsync(c => c.Kind == ConflictKind.ValueDisagreement
            && c.Members.Any(m => m.Figure!.AsWritten == "about 1,000") && c.Members.Any(m => m.Figure!.AsWritten == "more than 3,000"));
        var preferred = await db.Figures.Where(f => f.AsWritten == "about 1,000").Select(f => f.Id).SingleAsync();
        return (conflict, preferred);
    }

    private async Task<Conflict> SingleAsync(ConflictKind kind)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Conflicts.AsNoTracking().SingleAsync(c => c.Kind == kind);
    }

    private async Task AssertUnchangedAsync(Conflict before)
    {
        await using var db = contexts.CreateDbContext();
        var after = await db.Conflicts.AsNoTracking().SingleAsync(c => c.Id == before.Id);
        Assert.Equal((before.Status, before.Version, before.Rationale), (after.Status, after.Version, after.Rationale));
        Assert.False(await db.Figures.AnyAsync(f => f.Rank != FigureRank.Normal));
    }
}
