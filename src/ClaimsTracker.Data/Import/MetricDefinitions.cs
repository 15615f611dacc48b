using ClaimsTracker.Domain.Metrics;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Data.Import;

/// <summary>
/// Adds catalogue metrics defined in a file (the demo data, an import), through the same entity
/// rules as the metric form. A key already stored is left as it is. The definitions of one file
/// depend on each other through their parts, so they are added all together or not at all.
/// </summary>
public static class MetricDefinitions
{
    public static async Task<(Dictionary<string, Metric> Catalogue, IReadOnlyList<ImportResult> Results)> DefineAsync(
        ClaimsDbContext db, IReadOnlyList<MetricRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        // Tracked with their parts, so every chain of parts can be followed for cycles.
        var catalogue = (await db.Metrics.Include(m => m.Parts).ToListAsync(cancellationToken)).ToDictionary(m => m.Key, StringComparer.Ordinal);
        var results = new ImportResult?[records.Count];
        var added = new List<(int Index, MetricRecord Record, Metric Metric)>();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Key is { } key && catalogue.ContainsKey(key.Trim()))
            {
                results[i] = new ImportResult($"metrics[{i}]", record.Name, ImportOutcome.AlreadyPresent);
                continue;
            }

            var created = Metric.Create(Details(record), catalogue.Values);
            if (created.IsSuccess)
            {
                catalogue[created.Value.Key] = created.Value;
                added.Add((i, record, created.Value));
            }
            else
            {
                results[i] = Failed(i, record, created.Errors);
            }
        }

        foreach (var (index, record, metric) in added.Where(a => a.Record.Parts is { Count: > 0 }))
        {
            var unknown = record.Parts!.Where(k => !catalogue.ContainsKey(k)).ToList();
            var parts = unknown.Count == 0 ? metric.SetParts(record.Parts!.Select(k => catalogue[k]).ToList()) : null;
            if (unknown.Count > 0)
            {
                results[index] = new ImportResult($"metrics[{index}]", record.Name, ImportOutcome.Failed, $"parts: {string.Join(", ", unknown.Select(k => $"'{k}'"))} is not a known metric");
            }
            else if (!parts!.IsSuccess)
            {
                results[index] = Failed(index, record, parts.Errors);
            }
        }

        var anyFailed = results.Any(r => r?.Outcome == ImportOutcome.Failed);
        foreach (var (index, record, metric) in added)
        {
            if (anyFailed)
            {
                results[index] ??= new ImportResult($"metrics[{index}]", record.Name, ImportOutcome.Failed, "not added: another metric definition of the file is wrong");
                catalogue.Remove(metric.Key);
            }
            else
            {
                db.Metrics.Add(metric);
                results[index] = new ImportResult($"metrics[{index}]", metric.Name, ImportOutcome.Added);
            }
        }

        if (!anyFailed && added.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return (catalogue, results.Select(r => r!).ToList());
    }

    private static MetricDetails Details(MetricRecord record) => new()
    {
        Key = record.Key,
        Name = record.Name,
        Description = record.Description,
        Unit = record.Unit,
        Kind = record.Kind,
        IsCumulative = record.IsCumulative,
        IsSingleEvent = record.IsSingleEvent,
    };

    private static ImportResult Failed(int index, MetricRecord record, IReadOnlyDictionary<string, string[]> errors) =>
        new($"metrics[{index}]", record.Name, ImportOutcome.Failed,
            string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{char.ToLowerInvariant(e.Key[0])}{e.Key[1..]}: {m}"))));
}
