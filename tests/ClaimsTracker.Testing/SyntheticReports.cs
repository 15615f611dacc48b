using ClaimsTracker.Data;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Testing;

/// <summary>
/// Enough generated reports, claims and figures to make paging and filtering real. Deterministic:
/// claim i is by source i % sources, in report i / claimsPerReport, published on day i % 60 of 2025.
/// </summary>
public static class SyntheticReports
{
    public const string AliasOfFirstSource = "Speaker Zero Alias";

    public static async Task<(List<Source> Sources, List<Metric> Metrics)> AddAsync(ClaimsDbContext db, int claims, int sources = 20, int claimsPerReport = 10)
    {
        var outlet = new Source { Name = "Synthetic Wire", Kind = SourceKind.Outlet };
        var people = Enumerable.Range(0, sources).Select(i => new Source { Name = $"Speaker {i:D3}", Kind = SourceKind.Person }).ToList();
        people[0].AddAlias(AliasOfFirstSource);
        var metrics = new List<Metric>
        {
            new() { Key = "synthetic-count", Name = "Synthetic count", Kind = FigureKind.Count, IsCumulative = true },
            new() { Key = "synthetic-duration", Name = "Synthetic duration", Kind = FigureKind.Duration, Unit = "days" },
        };
        db.Sources.Add(outlet);
        db.Sources.AddRange(people);
        db.Metrics.AddRange(metrics);

        const string sentence = "A speaker said a number of things happened here. ";
        Report? report = null;
        for (var i = 0; i < claims; i++)
        {
            if (i % claimsPerReport == 0)
            {
                report = new Report
                {
                    Title = $"Synthetic report {i / claimsPerReport:D5}",
                    Outlet = outlet,
                    PublishedOn = new DateOnly(2025, 1, 1).AddDays(i % 60),
                    Url = $"https://example.org/synthetic/{i / claimsPerReport}",
                    Text = string.Concat(Enumerable.Repeat(sentence, claimsPerReport)),
                    EnteredBy = "test",
                    EnteredAt = TimeProvider.System.GetUtcNow(),
                };
                db.Reports.Add(report);
            }

            var slot = i % claimsPerReport;
            var metric = metrics[i % 7 == 0 ? 1 : 0];
            report!.Claims.Add(new Claim
            {
                Source = people[i % sources],
                Summary = $"Synthetic claim {i}",
                Quote = QuoteAnchoring.At(report.Text, slot * sentence.Length, sentence.Length - 1),
                Figures =
                {
                    new Figure
                    {
                        Metric = metric,
                        Kind = metric.Kind,
                        AsWritten = $"{i}",
                        Interval = ValueInterval.Exactly(i),
                        Time = TimeReference.AsOf(report.PublishedOn),
                    },
                },
            });
        }

        await db.SaveChangesAsync();
        return (people, metrics);
    }
}
