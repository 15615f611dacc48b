using System.Text.Json;

namespace ClaimsTracker.ScenarioScore;

/// <summary>
/// One story told by several reports, with the disputes a careful reviewer expects in the queue
/// and the agreements that must stay out of it. Source names compare by NameKey.
/// </summary>
public sealed record Scenario
{
    public required string Id { get; init; }
    public string? Kind { get; init; }
    public string? About { get; init; }
    public IReadOnlyList<ScenarioMetric> Metrics { get; init; } = [];
    public IReadOnlyList<ScenarioReport> Reports { get; init; } = [];
    public IReadOnlyList<ExpectedDispute> ExpectedDisputes { get; init; } = [];
    public IReadOnlyList<ExpectedNonDispute> ExpectedNonDisputes { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static Scenario Load(string path)
    {
        var scenario = JsonSerializer.Deserialize<Scenario>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path}: empty scenario");
        return string.IsNullOrWhiteSpace(scenario.Id) ? scenario with { Id = Path.GetFileNameWithoutExtension(path) } : scenario;
    }

    /// <summary>Every *.json in the folder, in name order.</summary>
    public static IReadOnlyList<Scenario> LoadAll(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Load).ToList()
            : [];
}

public sealed record ScenarioMetric
{
    public required string Key { get; init; }
    public string? Name { get; init; }
    public string? Kind { get; init; }
    public string? Unit { get; init; }
    public bool Cumulative { get; init; }
    public bool SingleEvent { get; init; }
    public IReadOnlyList<string> Parts { get; init; } = [];
}

public sealed record ScenarioReport
{
    public string? Id { get; init; }
    public required string Title { get; init; }
    public required string Outlet { get; init; }
    public string? Url { get; init; }
    public DateOnly PublishedOn { get; init; }
    public required string Text { get; init; }
}

/// <param name="Camps">Source names on each side; sources in one camp agree.</param>
public sealed record ExpectedDispute(string Metric, IReadOnlyList<IReadOnlyList<string>> Camps, string? Why);

/// <param name="Sources">Sources whose figures on the metric must not be shown disputing each other.</param>
public sealed record ExpectedNonDispute(string Metric, IReadOnlyList<string> Sources, string? Why);
