using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Metrics;

public class MetricQueriesTests : IAsyncLifetime
{
    private DemoDatabase demo = null!;

    public async Task InitializeAsync() => demo = await DemoDatabase.CreateAsync("metric-queries");

    public async Task DisposeAsync() => await demo.DisposeAsync();

    [Fact]
    public async Task GetAsync_SameFigureFromOneSourceInTwoReports_IsCountedAsCorroborated()
    {
        await using var db = demo.Contexts.CreateDbContext();
        var captureDate = await db.Metrics.SingleAsync(m => m.Key == "capture-date");

        var metric = await new MetricQueries(demo.Contexts).GetAsync(captureDate.Id);

        // The NIS's January 9 is carried by two reports, and so is the SBU's.
        Assert.All(metric!.Figures.Where(f => f.Source is "National Intelligence Service" or "Security Service of Ukraine"),
            f => Assert.Equal(2, f.ReportCount));
    }

    [Fact]
    public async Task GetAsync_FiguresThatDiffer_AreNotCountedTogether()
    {
        await using var db = demo.Contexts.CreateDbContext();
        var casualties = await db.Metrics.SingleAsync(m => m.Key == "nk-killed-or-wounded");

        var metric = await new MetricQueries(demo.Contexts).GetAsync(casualties.Id);

        Assert.All(metric!.Figures, f => Assert.Equal(1, f.ReportCount));
    }
}
