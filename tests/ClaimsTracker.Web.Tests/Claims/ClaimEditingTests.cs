using System.Security.Claims;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Claims;

/// <summary>Hand edits of claims and figures on a fresh database with the demo data and its conflicts.</summary>
public class ClaimEditingTests : IAsyncLifetime
{
    private DemoDatabase demo = null!;
    private TestContextFactory contexts = null!;
    private ClaimEditor editor = null!;

    public async Task InitializeAsync()
    {
        demo = await DemoDatabase.CreateAsync("claims-edit");
        contexts = demo.Contexts;
        editor = new ClaimEditor(contexts, demo.Authorization, demo.Detection, demo.Normalisation);
    }

    public async Task DisposeAsync() => await demo.DisposeAsync();

    [Fact]
    public async Task Add_TypedQuote_IsAnchoredInTheReport()
    {
        var (reportId, text) = await ReportAsync("Kyiv Post");
        var quote = "Moscow and Pyongyang have not commented.";

        var outcome = await editor.AddAsync(User(Roles.Editor), reportId, new ClaimEdit
        {
            Source = "Kyiv Post",
            Summary = "No comment from Moscow or Pyongyang.",
            Quote = quote,
            Figures = [],
        });

        var saved = ResultAssert.Saved(outcome);
        await using var db = contexts.CreateDbContext();
        var claim = await db.Claims.SingleAsync(c => c.Id == saved.ClaimId);
        Assert.Equal(quote, text[claim.Quote.Start..claim.Quote.End]);
    }

    [Fact]
    public async Task Add_QuoteNotInText_NegativeNumberAndMissingMetric_AreRefusedWithMessages()
    {
        var (reportId, _) = await ReportAsync("Kyiv Post");
        var before = await CountAsync();

        var outcome = await editor.AddAsync(User(Roles.Editor), reportId, new ClaimEdit
        {
            Source = "Kyiv Post",
            Summary = "Invented.",
            Quote = "These words appear nowhere in the article.",
            Figures = [new FigureEdit { AsWritten = "-5", Value = -5, MetricId = await MetricAsync("nk-killed") }, new FigureEdit { AsWritten = "7", Value = 7 }],
        });

        var errors = ResultAssert.Invalid(outcome).Errors;
        Assert.Contains("not in the report", errors["Quote"][0], StringComparison.Ordinal);
        Assert.Contains(errors["Figures"], m => m.Contains("negative", StringComparison.Ordinal));
        Assert.Contains(errors["Figures"], m => m.Contains("Figure 2: choose what it measures", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Update_FigureNoLongerDisagrees_MovesIntoTheCampItNowAgreesWith()
    {
        var (claimId, version) = await ClaimWithFigureAsync("about 1,000");
        var conflictId = await ConflictIdAsync(ConflictKind.ValueDisagreement, "about 1,000", "more than 3,000");
        var (edit, _, _) = (await editor.LoadAsync(claimId))!.Value;
        var figure = edit.Figures.Single(f => f.AsWritten == "about 1,000");
        (figure.AsWritten, figure.Value) = ("about 3,500", 3500);

        var outcome = await editor.UpdateAsync(User(Roles.Editor), claimId, version, edit);

        ResultAssert.Saved(outcome);
        await using var db = contexts.CreateDbContext();
        // The dispute stays (the unnamed official's 200 still disagrees), re-evaluated with the new value.
        var camps = await db.ConflictMembers.Where(m => m.ConflictId == conflictId)
            .Select(m => new { m.Figure!.AsWritten, m.Camp }).ToDictionaryAsync(m => m.AsWritten, m => m.Camp);
        Assert.Equal(camps["more than 3,000"], camps["about 3,500"]);
        var stored = await db.Figures.SingleAsync(f => f.AsWritten == "about 3,500");
        Assert.Equal((3150m, 3850m), (stored.Low!.Value, stored.High!.Value));
    }

    [Fact]
    public async Task Update_StaleVersion_IsRefused()
    {
        var (claimId, version) = await ClaimWithFigureAsync("about 1,000");
        var (edit, _, _) = (await editor.LoadAsync(claimId))!.Value;
        edit.Summary = "First edit.";
        ResultAssert.Saved(await editor.UpdateAsync(User(Roles.Editor), claimId, version, edit));

        edit.Summary = "Second edit on the old version.";
        var outcome = await editor.UpdateAsync(User(Roles.Editor), claimId, version, edit);

        ResultAssert.Conflict(outcome);
        await using var db = contexts.CreateDbContext();
        Assert.Equal("First edit.", (await db.Claims.SingleAsync(c => c.Id == claimId)).Summary);
    }

    [Fact]
    public async Task Delete_ClaimInConflict_RemovesItAndReevaluates()
    {
        var (claimId, version) = await ClaimWithFigureAsync("approximately 200");
        var conflictId = await ConflictIdAsync(ConflictKind.ValueDisagreement, "approximately 200", "more than 3,000");

        var outcome = await editor.DeleteAsync(User(Roles.Admin), claimId, version);

        ResultAssert.Saved(outcome);
        await using var db = contexts.CreateDbContext();
        Assert.False(await db.Claims.AnyAsync(c => c.Id == claimId));
        // Blinken still disagrees with Zelensky: the dispute stays, without the deleted figure.
        var dispute = await db.Conflicts.Include(c => c.Members).ThenInclude(m => m.Figure).SingleAsync(c => c.Id == conflictId);
        Assert.DoesNotContain(dispute.Members, m => m.Figure!.AsWritten == "approximately 200");
        Assert.Equal(2, dispute.Members.Select(m => m.Camp).Distinct().Count());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Note == "claim deleted by hand" && a.Action == "Deleted"));
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Reviewer)]
    public async Task Edits_WithoutEditorRole_AreForbidden(string role)
    {
        var (claimId, version) = await ClaimWithFigureAsync("about 1,000");
        var (edit, _, reportId) = (await editor.LoadAsync(claimId))!.Value;

        ResultAssert.Forbidden(await editor.UpdateAsync(User(role), claimId, version, edit));
        ResultAssert.Forbidden(await editor.AddAsync(User(role), reportId, edit));
        ResultAssert.Forbidden(await editor.DeleteAsync(User(role), claimId, version));
    }

    private static ClaimsPrincipal User(string role) => DemoDatabase.User(role);

    private async Task<(int Id, string Text)> ReportAsync(string outlet)
    {
        await using var db = contexts.CreateDbContext();
        var report = await db.Reports.SingleAsync(r => r.Outlet!.Name == outlet);
        return (report.Id, report.Text);
    }

    private async Task<(int ClaimId, uint Version)> ClaimWithFigureAsync(string asWritten)
    {
        await using var db = contexts.CreateDbContext();
        var claim = await db.Claims.SingleAsync(c => c.Figures.Any(f => f.AsWritten == asWritten));
        return (claim.Id, claim.Version);
    }

    private async Task<int> ConflictIdAsync(ConflictKind kind, string first, string second)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Conflicts.Where(c => c.Kind == kind && c.Members.Any(m => m.Figure!.AsWritten == first) && c.Members.Any(m => m.Figure!.AsWritten == second))
            .Select(c => c.Id).SingleAsync();
    }

    private async Task<int> MetricAsync(string key)
    {
        await using var db = contexts.CreateDbContext();
        return (await db.Metrics.SingleAsync(m => m.Key == key)).Id;
    }

    private async Task<(int, int)> CountAsync()
    {
        await using var db = contexts.CreateDbContext();
        return (await db.Claims.CountAsync(), await db.Figures.CountAsync());
    }
}
