using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Conflicts;
using ClaimsTracker.Web.Features.ReportEntry;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Conflicts;

/// <summary>A figure accepted from a low-confidence proposal is marked so on the dispute it joins.</summary>
public class LowConfidenceTests : IAsyncLifetime
{
    private DemoDatabase demo = null!;

    public async Task InitializeAsync() => demo = await DemoDatabase.CreateAsync("low_confidence");

    public async Task DisposeAsync() => await demo.DisposeAsync();

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(1.0, false)]
    public async Task Accept_ProposalConfidence_IsStoredAndShownOnTheDispute(double confidence, bool low)
    {
        int reportId, metricId;
        string scope;
        await using (var db = demo.Contexts.CreateDbContext())
        {
            reportId = await db.Reports.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            var casualty = await db.Figures.Where(f => f.AsWritten == "about 1,000").Select(f => new { f.MetricId, f.Scope }).SingleAsync();
            (metricId, scope) = (casualty.MetricId, casualty.Scope);
        }

        var proposals = new ProposalService(demo.Contexts, demo.Authorization, demo.Detection, demo.Normalisation);
        var draft = new ClaimDraft
        {
            Key = "test",
            Quote = "test",
            QuoteStart = 0,
            QuoteEnd = 20,
            Source = "A blogger",
            Confidence = confidence,
            Figures = [new FigureDraft { AsWritten = "as many as 9,000", Qualifier = Qualifier.UpTo, Value = 9000, Kind = FigureKind.Count, MetricId = metricId, Scope = scope, Time = TimeReference.AsOf(new(2024, 12, 31)) }],
        };

        var saved = ResultAssert.Saved(await proposals.AcceptAsync(DemoDatabase.User(Roles.Editor), reportId, draft));

        var dispute = Assert.Single(saved.Conflicts, c => c.Explanation.Contains("as many as 9,000", StringComparison.Ordinal));
        var detail = await new ConflictQueries(demo.Contexts).GetAsync(dispute.Id);
        var position = detail!.Camps.SelectMany(c => c.Positions).Single(p => p.Source == "A blogger");
        Assert.Equal(low, position.LowConfidence);
        await using var check = demo.Contexts.CreateDbContext();
        Assert.Equal(confidence, (await check.Claims.SingleAsync(c => c.Id == saved.ClaimId)).ProposalConfidence);
    }
}
