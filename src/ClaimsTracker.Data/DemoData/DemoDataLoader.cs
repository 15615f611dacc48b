using System.Text.Json;
using ClaimsTracker.Data.Import;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Data.DemoData;

/// <summary>
/// Loads the demo reports (our own re-telling of five January 2025 articles) with their sources,
/// metrics, claims and figures. Each item is matched by its natural key first (metric key, source
/// name, report URL), so loading twice adds nothing.
/// </summary>
public sealed class DemoDataLoader(IDbContextFactory<ClaimsDbContext> contexts, NormalisationOptions normalisation, TimeProvider? clock = null)
{
    public static DemoDataSet ReadEmbedded()
    {
        using var stream = typeof(DemoDataLoader).Assembly.GetManifestResourceStream("ClaimsTracker.Data.DemoData.demo-data.json")
            ?? throw new InvalidOperationException("The demo data resource is missing from the build.");
        return JsonSerializer.Deserialize<DemoDataSet>(stream, ReportJson.Options)
            ?? throw new InvalidOperationException("The demo data resource is empty.");
    }

    /// <summary>Adds whatever of the set is missing; returns the number of reports added.</summary>
    public async Task<int> LoadAsync(DemoDataSet set, CancellationToken cancellationToken = default)
    {
        var builder = new ReportBuilder(normalisation);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditNote = "demo data";
        var metrics = await LoadMetricsAsync(db, set.Metrics, cancellationToken);
        var sources = await LoadSourcesAsync(db, set.Sources, cancellationToken);

        var added = 0;
        foreach (var item in set.Reports)
        {
            if (await db.Reports.AnyAsync(r => r.Url == item.Url, cancellationToken))
            {
                continue;
            }

            if (builder.Validate(item, metrics, DateOnly.MaxValue) is { Count: > 0 } errors)
            {
                throw new InvalidOperationException($"Demo report '{item.Key}': {string.Join("; ", errors)}");
            }

            db.Reports.Add(builder.Build(item, (name, _) => FindSource(sources, name), metrics, "demo data", (clock ?? TimeProvider.System).GetUtcNow()));
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private static async Task<Dictionary<string, Metric>> LoadMetricsAsync(ClaimsDbContext db, List<MetricRecord> items, CancellationToken cancellationToken)
    {
        var (catalogue, results) = await MetricDefinitions.DefineAsync(db, items, cancellationToken);
        if (results.FirstOrDefault(r => r.Outcome == ImportOutcome.Failed) is { } failed)
        {
            throw new InvalidOperationException($"Demo metric {failed.Label}: {failed.Message}");
        }

        return catalogue;
    }

    private static async Task<List<Source>> LoadSourcesAsync(ClaimsDbContext db, List<SourceRecord> items, CancellationToken cancellationToken)
    {
        var sources = await db.Sources.Include(s => s.Aliases).ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            var source = sources.FirstOrDefault(s => s.IsKnownAs(item.Name));
            if (source is null)
            {
                source = Source.Create(new SourceDetails { Name = item.Name, Kind = item.Kind, Affiliation = item.Affiliation, Description = item.Description })
                    .Value;
                db.Sources.Add(source);
                sources.Add(source);
            }

            foreach (var alias in item.Aliases ?? [])
            {
                source.AddAlias(alias);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sources;
    }

    private static Source FindSource(List<Source> sources, string name) =>
        sources.FirstOrDefault(s => s.IsKnownAs(name))
        ?? throw new InvalidOperationException($"Demo data names an unknown source: {name}");
}
