using System.Text.RegularExpressions;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Figures;

using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Domain.Metrics;

/// <summary>What a figure measures, from a shared catalogue, so figures can be compared.</summary>
public partial class Metric : IVersioned
{
    public int Id { get; set; }

    /// <summary>Stable slug used by demo data and imports, e.g. "nk-troops-killed-or-wounded".</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }
    public string? Description { get; set; }
    public FigureKind Kind { get; set; }
    public string? Unit { get; set; }

    /// <summary>
    /// A running total that may only grow (casualties to date). Figures at far-apart dates may
    /// differ without disagreeing; per-period metrics compare only within the same period.
    /// </summary>
    public bool IsCumulative { get; set; }

    /// <summary>True for metrics about a single event whose figures should agree (a capture date).</summary>
    public bool IsSingleEvent { get; set; }

    /// <summary>The metrics that add up to this one (killed + wounded = killed or wounded).</summary>
    public List<MetricPart> Parts { get; set; } = [];

    public uint Version { get; set; }

    /// <summary>A new catalogue metric, or the fields that break a rule (uniqueness included).</summary>
    public static Result<Metric> Create(MetricDetails details, IEnumerable<Metric> catalogue)
    {
        var metric = new Metric { Key = string.Empty, Name = string.Empty };
        var applied = metric.Update(details, catalogue, figuresUsingIt: 0);
        return applied.Failure is { } failure ? failure : metric;
    }

    /// <summary>
    /// Applies edited fields. Key and name stay unique in <paramref name="catalogue"/>; the kind
    /// cannot change while figures are measured by it.
    /// </summary>
    public Result Update(MetricDetails details, IEnumerable<Metric> catalogue, int figuresUsingIt)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = Check(details);
        var others = catalogue.Where(m => !ReferenceEquals(m, this) && (Id == 0 || m.Id != Id)).ToList();
        if (!errors.Has(nameof(details.Key)) && others.FirstOrDefault(m => m.Key == details.Key!.Trim()) is { } keyOwner)
        {
            errors.Add(nameof(details.Key), $"The key “{details.Key!.Trim()}” is already used by “{keyOwner.Name}”.");
        }

        if (!errors.Has(nameof(details.Name)) && others.Any(m => string.Equals(m.Name, details.Name!.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(nameof(details.Name), $"There is already a metric called “{details.Name!.Trim()}”.");
        }

        if (Id != 0 && Kind != details.Kind && figuresUsingIt > 0)
        {
            errors.Add(nameof(details.Kind), $"{figuresUsingIt} figures are measured as {Kind}; the kind cannot change while they use this metric.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToResult();
        }

        Key = details.Key!.Trim();
        Name = details.Name!.Trim();
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        Unit = string.IsNullOrWhiteSpace(details.Unit) ? null : details.Unit.Trim();
        Kind = details.Kind;
        IsCumulative = details.IsCumulative;
        IsSingleEvent = details.IsSingleEvent;
        return Result.Success();
    }

    /// <summary>
    /// Replaces the parts. A part has the whole's kind (parts add up to it), is not the metric
    /// itself, and does not already include it however indirectly: the parts never form a cycle.
    /// Each part's own <see cref="Parts"/> must be loaded, so the whole chain can be followed.
    /// </summary>
    public Result SetParts(IReadOnlyCollection<Metric> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var errors = new FieldErrors();
        const string field = "PartIds";
        foreach (var part in parts.Distinct())
        {
            if (IsSame(part, this))
            {
                errors.Add(field, "A metric cannot be its own part.");
            }
            else if (part.Kind != Kind)
            {
                errors.Add(field, $"“{part.Name}” is measured as {part.Kind}, not {Kind}; parts must add up to the whole.");
            }
            else if (PathTo(part, this) is { } path)
            {
                errors.Add(field, $"“{part.Name}” already includes this metric ({string.Join(" → ", path.Select(m => m.Name))}), so it cannot also be one of its parts.");
            }
        }

        if (!errors.IsEmpty)
        {
            return errors.ToResult();
        }

        Parts.RemoveAll(existing => !parts.Any(part => IsPart(existing, part)));
        foreach (var part in parts.Distinct().Where(part => !Parts.Any(existing => IsPart(existing, part))))
        {
            Parts.Add(new MetricPart { Whole = this, WholeId = Id, Part = part, PartId = part.Id });
        }

        return Result.Success();
    }

    /// <summary>The ids of the parts, in order, to compare a metric's parts before and after an edit.</summary>
    public IReadOnlyList<int> PartIds() => Parts.Select(p => p.PartId).Order().ToList();

    /// <summary>Every rule a metric's own fields keep, by field name (Key, Name, Description, Unit, Kind, IsSingleEvent).</summary>
    public static FieldErrors Check(MetricDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new FieldErrors();
        if (errors.Required(nameof(details.Key), details.Key, Limits.MetricKey, "A key is required, e.g. “nk-troops-killed”.", $"The key is limited to {Limits.MetricKey} characters.")
            && !Slug().IsMatch(details.Key!.Trim()))
        {
            errors.Add(nameof(details.Key), "Use lower-case letters, digits and single hyphens, e.g. “nk-troops-killed”.");
        }

        errors.Required(nameof(details.Name), details.Name, Limits.Name, "A name is required.", $"The name is limited to {Limits.Name} characters.");
        errors.Optional(nameof(details.Description), details.Description, Limits.Summary, $"The description is limited to {Limits.Summary:N0} characters.");
        errors.Optional(nameof(details.Unit), details.Unit, Limits.Unit, $"The unit is limited to {Limits.Unit} characters.");
        if (!Enum.IsDefined(details.Kind))
        {
            errors.Add(nameof(details.Kind), "Choose what the figures measure.");
        }

        if (details.IsCumulative && details.IsSingleEvent)
        {
            errors.Add(nameof(details.IsSingleEvent), "A single event is not a running total: choose one or neither.");
        }

        return errors;
    }

    private static bool IsSame(Metric a, Metric b) => ReferenceEquals(a, b) || (a.Id != 0 && a.Id == b.Id);

    private static bool IsPart(MetricPart existing, Metric part) =>
        (existing.Part is { } loaded && IsSame(loaded, part)) || (part.Id != 0 && existing.PartId == part.Id);

    /// <summary>The chain of parts leading from <paramref name="from"/> down to <paramref name="to"/>, or null.</summary>
    private static List<Metric>? PathTo(Metric from, Metric to)
    {
        var cameFrom = new Dictionary<Metric, Metric>(ReferenceEqualityComparer.Instance) { [from] = from };
        var queue = new Queue<Metric>([from]);
        while (queue.TryDequeue(out var current))
        {
            if (IsSame(current, to))
            {
                var path = new List<Metric> { current };
                while (!ReferenceEquals(path[^1], from))
                {
                    path.Add(cameFrom[path[^1]]);
                }

                path.Reverse();
                return path;
            }

            foreach (var next in current.Parts.Select(p => p.Part).OfType<Metric>().Where(n => !cameFrom.ContainsKey(n)))
            {
                cameFrom[next] = current;
                queue.Enqueue(next);
            }
        }

        return null;
    }

    /// <summary>A key made from a name ("People injured" → "people-injured"), for a metric created from a proposal.</summary>
    public static string KeyFor(string name)
    {
        var words = NameKey.From(name).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9').ToArray()))
            .Where(w => w.Length > 0);
        var key = string.Join('-', words);
        key = key.Length <= Limits.MetricKey ? key : key[..Limits.MetricKey].TrimEnd('-');
        return key.Length > 0 ? key : "metric";
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
