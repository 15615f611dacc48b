using System.Text.Json;
using System.Text.Json.Serialization;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Extraction.Evaluation;

/// <summary>
/// An annotated figure: the words, what they mean, and who said them (null source: the report
/// itself). <see cref="Unit"/> is a currency code or a measurement unit, where the corpus file gives one.
/// </summary>
public sealed record CorpusFigure(string Text, decimal? Value, decimal? High, Qualifier Qualifier, FigureKind Kind, string? Metric, DateOnly? Date, string? Source, string? Relay, string? Unit = null);

/// <summary>
/// A paragraph; <see cref="HeldOut"/> ones are never used to tune the rules and are scored apart.
/// <see cref="Language"/> is the report's language when it is not English.
/// </summary>
public sealed record CorpusParagraph(string Id, DateOnly PublishedOn, string Text, IReadOnlyList<CorpusFigure> Figures, bool HeldOut = false, string? Language = null);

public sealed record CorpusMetric(string Key, string Name, FigureKind Kind, IReadOnlyList<string>? Keywords);

public sealed record CorpusSource(string Name, IReadOnlyList<string> Aliases);

/// <summary>
/// One file of the extraction corpus (benchmarks/ClaimsTracker.ExtractionScore/corpus/*.json): a kind
/// of story with the catalogues a newsroom following it would have, and its annotated paragraphs.
/// </summary>
public sealed record ExtractionCorpus(IReadOnlyList<CorpusMetric> Metrics, IReadOnlyList<CorpusSource> Sources, IReadOnlyList<CorpusParagraph> Paragraphs)
{
    /// <summary>The file's name without extension ("war", "economy"); set by <see cref="LoadFolder"/>.</summary>
    public string Name { get; init; } = "corpus";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static ExtractionCorpus Parse(string json) =>
        JsonSerializer.Deserialize<ExtractionCorpus>(json, Options) ?? throw new InvalidDataException("The corpus is empty.");

    public static ExtractionCorpus Load(string path) => Parse(File.ReadAllText(path)) with { Name = Path.GetFileNameWithoutExtension(path) };

    /// <summary>Every corpus file of a folder, by name.</summary>
    public static IReadOnlyList<ExtractionCorpus> LoadFolder(string folder) =>
        Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Load).ToList();

    /// <summary>The same catalogues with only the paragraphs that pass <paramref name="keep"/>.</summary>
    public ExtractionCorpus Where(Func<CorpusParagraph, bool> keep) => this with { Paragraphs = Paragraphs.Where(keep).ToList() };

    /// <summary>The catalogues as the extractor sees them; metric ids are positions from 1, source ids likewise.</summary>
    public ExtractionContext ContextFor(CorpusParagraph paragraph) => new(
        paragraph.PublishedOn,
        Metrics.Select((m, i) => new MetricCandidate(i + 1, m.Key, m.Name, m.Kind, m.Keywords ?? [])).ToList(),
        Sources.Select((s, i) => new SourceCandidate(i + 1, s.Name, s.Aliases)).ToList())
    {
        Language = paragraph.Language,
    };
}
