using System.Globalization;
using System.Text.Json;

namespace ClaimsTracker.Domain.Extraction.Evaluation;

/// <summary>
/// The best held-out F1 recorded per aspect (benchmarks/ClaimsTracker.ExtractionScore/ratchet.json).
/// A test fails when a score falls more than <see cref="Tolerance"/> below its record, so quality
/// cannot regress silently; recording only ever raises the values.
/// </summary>
public sealed record ExtractionRatchet(IReadOnlyDictionary<string, double> HeldOutF1)
{
    /// <summary>Two points: small wobbles from a changed rule are allowed, a real regression is not.</summary>
    public const double Tolerance = 0.02;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static ExtractionRatchet Load(string path) =>
        File.Exists(path)
            ? JsonSerializer.Deserialize<ExtractionRatchet>(File.ReadAllText(path), Options) ?? Empty
            : Empty;

    private static ExtractionRatchet Empty => new(new Dictionary<string, double>());

    /// <summary>The record raised to <paramref name="scores"/> where they are better.</summary>
    public ExtractionRatchet Raise(ExtractionScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var raised = new SortedDictionary<string, double>(HeldOutF1.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        foreach (var score in scores.All.Where(s => s.Expected > 0))
        {
            var f1 = Math.Round(score.F1, 3);
            raised[score.Name] = Math.Max(f1, raised.GetValueOrDefault(score.Name));
        }

        return new ExtractionRatchet(raised);
    }

    /// <summary>The aspects now more than the tolerance below their record, as readable lines.</summary>
    public IReadOnlyList<string> Regressions(ExtractionScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.All
            .Where(s => HeldOutF1.TryGetValue(s.Name, out var recorded) && s.F1 < recorded - Tolerance)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name}: held-out F1 {s.F1:F3}, recorded {HeldOutF1[s.Name]:F3}"))
            .ToList();
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";
}
