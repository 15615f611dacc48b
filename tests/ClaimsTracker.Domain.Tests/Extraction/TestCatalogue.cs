using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Tests.Extraction;

/// <summary>A small catalogue in the shape of the demo data, keywords derived from the names.</summary>
internal static class TestCatalogue
{
    public static readonly IReadOnlyList<MetricCandidate> Metrics =
    [
        Metric(1, "nk-troops-deployed", "North Korean troops deployed", FigureKind.Count),
        Metric(2, "nk-killed-or-wounded", "North Korean soldiers killed or wounded", FigureKind.Count),
        Metric(3, "nk-killed", "North Korean soldiers killed", FigureKind.Count),
        Metric(4, "nk-wounded", "North Korean soldiers wounded", FigureKind.Count),
        Metric(5, "nk-captured", "North Korean soldiers captured alive", FigureKind.Count),
        Metric(6, "capture-date", "Capture date", FigureKind.Date),
        Metric(7, "capture-announcement-date", "Capture announcement date", FigureKind.Date),
        Metric(8, "captive-birth-year", "Captive's year of birth", FigureKind.Year),
        Metric(9, "joint-training-duration", "Training with Russian forces before combat", FigureKind.Duration),
        Metric(10, "quake-deaths", "Earthquake deaths", FigureKind.Count),
        Metric(11, "drones-launched", "Drones launched", FigureKind.Count),
    ];

    public static readonly IReadOnlyList<SourceCandidate> Sources =
    [
        new(1, "Volodymyr Zelensky", ["Zelenskyy", "Zelenskiy", "President Zelensky"]),
        new(2, "Security Service of Ukraine", ["SBU", "SSU", "Ukrainian Security Service"]),
        new(3, "National Intelligence Service", ["NIS", "South Korea's spy agency"]),
        new(4, "John Kirby", ["Kirby"]),
        new(5, "Yonhap News Agency", ["Yonhap"]),
        new(6, "Agence France-Presse", ["AFP"]),
        new(7, "CNN", []),
        new(8, "Reuters", []),
    ];

    public static ExtractionContext Context(DateOnly published) => new(published, Metrics, Sources);

    public static string KeyOf(int? metricId) => metricId is { } id ? Metrics.Single(m => m.Id == id).Key : "none";

    private static MetricCandidate Metric(int id, string key, string name, FigureKind kind) => new(id, key, name, kind, []);
}
