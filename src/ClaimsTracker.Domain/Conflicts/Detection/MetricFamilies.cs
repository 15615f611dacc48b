namespace ClaimsTracker.Domain.Conflicts.Detection;

/// <summary>
/// Metrics linked by part/whole relations form a family (killed, wounded and killed-or-wounded);
/// a change to any member re-evaluates the whole family, and nothing outside it.
/// </summary>
public sealed class MetricFamilies
{
    private readonly Dictionary<int, int> familyOf = [];
    private readonly Dictionary<int, List<DetectionMetric>> members = [];

    public MetricFamilies(IEnumerable<DetectionMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var all = metrics.ToDictionary(m => m.Id);
        var parent = all.Keys.ToDictionary(id => id);

        int Find(int id)
        {
            while (parent[id] != id)
            {
                parent[id] = parent[parent[id]];
                id = parent[id];
            }

            return id;
        }

        foreach (var metric in all.Values)
        {
            foreach (var part in metric.PartIds.Where(parent.ContainsKey))
            {
                var (a, b) = (Find(metric.Id), Find(part));
                // The smaller id becomes the family id, so it does not depend on visiting order.
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        foreach (var metric in all.Values)
        {
            var family = Find(metric.Id);
            familyOf[metric.Id] = family;
            if (!members.TryGetValue(family, out var list))
            {
                members[family] = list = [];
            }

            list.Add(metric);
        }
    }

    public IEnumerable<int> FamilyIds => members.Keys;

    public int FamilyOf(int metricId) => familyOf[metricId];

    public IReadOnlyList<DetectionMetric> Members(int familyId) => members[familyId];

    public IEnumerable<int> MetricIdsOfFamiliesOf(IEnumerable<int> metricIds) =>
        metricIds.Where(familyOf.ContainsKey).Select(FamilyOf).Distinct().SelectMany(f => members[f]).Select(m => m.Id);
}
