using System.Diagnostics;
using System.Globalization;
using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Extraction.Evaluation;

// Scores the assisted extraction against the annotated corpus (corpus/*.json), held-out paragraphs
// first: they were never used to tune the rules, so they are the number to trust.
//   --details          every difference on the tuning paragraphs (the ones rules may be refined on)
//   --details-heldout  every difference on the held-out paragraphs (read them only to report misses)
//   --show <id,id,…>   what the extractor proposes for tuning paragraphs
//   --calibration      how often a suggested metric is right at each evidence score (tuning paragraphs)
//   --show-scenario <file> <report id>   the same for a tuning scenario's report, with its catalogue
//   --record           raise ratchet.json to the current held-out scores (never lowers them)
var folder = Path.Combine(AppContext.BaseDirectory, "corpus");
var files = ExtractionCorpus.LoadFolder(folder);
var extractor = new ClaimExtractor();

var heldOut = files.Select(f => f.Where(p => p.HeldOut)).ToList();
var tuning = files.Select(f => f.Where(p => !p.HeldOut)).ToList();
var heldOutScores = ExtractionScorer.Score(heldOut, extractor);
var tuningScores = ExtractionScorer.Score(tuning, extractor);

Print("held out (never used to tune the rules)", heldOut, heldOutScores);
Print("tuning paragraphs", tuning, tuningScores);

Console.WriteLine("held out by kind of story");
Console.WriteLine($"{"file",-24} {"paras",5} {"values",7} {"source",7} {"relay",7} {"metric",7} {"dates",7} {"qual",7} {"unit",7}");
foreach (var file in heldOut)
{
    var s = ExtractionScorer.Score([file], extractor);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file.Name,-24} {file.Paragraphs.Count,5} {Pct(s.Values)} {Pct(s.Sources)} {Pct(s.Relays)} {Pct(s.Metrics)} {Pct(s.Dates)} {Pct(s.Qualifiers)} {Pct(s.Units)}"));
}

var everything = files.SelectMany(f => f.Paragraphs.Select(p => (File: f, Paragraph: p))).ToList();
var clock = Stopwatch.StartNew();
const int Rounds = 5;
for (var round = 0; round < Rounds; round++)
{
    foreach (var (file, paragraph) in everything)
    {
        extractor.Propose(paragraph.Text, file.ContextFor(paragraph));
    }
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed: {everything.Count * Rounds / clock.Elapsed.TotalSeconds:F0} paragraphs per second on one thread ({everything.Count} paragraphs x {Rounds})"));

if (args.Contains("--calibration"))
{
    // Tuning paragraphs only: how often a suggested metric is right at each evidence score.
    Console.WriteLine();
    Console.WriteLine("metric evidence score   suggested   right");
    double[] edges = [MetricSuggester.MinimumScore, 0.5, 0.7, 1, 1.5, 2, 3, double.MaxValue];
    foreach (var (low, high) in edges.Zip(edges.Skip(1)))
    {
        var bucket = tuningScores.MetricCalibration.Where(c => c.Score >= low && c.Score < high).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{low,6:F1} – {(high == double.MaxValue ? "" : high.ToString("F1", CultureInfo.InvariantCulture)),-6} {bucket.Count,13} {(bucket.Count == 0 ? 0 : 100.0 * bucket.Count(c => c.Right) / bucket.Count),7:F1} %"));
    }
}

if (args.Contains("--details"))
{
    Console.WriteLine();
    tuningScores.Differences.ToList().ForEach(Console.WriteLine);
}

if (args.Contains("--details-heldout"))
{
    Console.WriteLine();
    heldOutScores.Differences.ToList().ForEach(Console.WriteLine);
}

if (args.Contains("--record"))
{
    var path = Path.Combine(FindSourceFolder(), "ratchet.json");
    var ratchet = ExtractionRatchet.Load(path).Raise(heldOutScores);
    File.WriteAllText(path, ratchet.ToJson());
    Console.WriteLine($"recorded {path}");
}

if (Array.IndexOf(args, "--show") is var at && at >= 0 && at + 1 < args.Length)
{
    // Several ids may be given, separated by commas; held-out paragraphs are never shown.
    foreach (var id in args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        var (file, paragraph) = everything.Single(x => x.Paragraph.Id == id);
        if (paragraph.HeldOut)
        {
            Console.Error.WriteLine($"{id} is held out and is never shown: reading it would tune the rules on it.");
            continue;
        }

        Console.WriteLine();
        Console.WriteLine($"=== {id} ({file.Name})");
        Show(paragraph.Text, file.ContextFor(paragraph));
    }
}

// A tuning scenario's report with the scenario's catalogue (no known sources): why a figure got the metric it got.
if (Array.IndexOf(args, "--show-scenario") is var sat && sat >= 0 && sat + 2 < args.Length)
{
    if (args[sat + 1].Contains("heldout", StringComparison.OrdinalIgnoreCase))
    {
        Console.Error.WriteLine("Held-out scenarios are never shown: reading them would tune the rules on them.");
        return 1;
    }

    using var scenario = System.Text.Json.JsonDocument.Parse(File.ReadAllText(args[sat + 1]));
    var metrics = scenario.RootElement.GetProperty("metrics").EnumerateArray()
        .Select((m, i) => new MetricCandidate(i + 1, m.GetProperty("key").GetString()!, m.GetProperty("name").GetString()!, Enum.Parse<ClaimsTracker.Domain.Figures.FigureKind>(m.GetProperty("kind").GetString()!), []))
        .ToList();
    var report = scenario.RootElement.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("id").GetString() == args[sat + 2]);
    Console.WriteLine(string.Join(", ", metrics.Select(m => $"{m.Id} {m.Key}")));
    Show(report.GetProperty("text").GetString()!, new ExtractionContext(DateOnly.Parse(report.GetProperty("publishedOn").GetString()!, CultureInfo.InvariantCulture), metrics, []));
}

return 0;

void Show(string text, ExtractionContext context)
{
    foreach (var claim in extractor.Propose(text, context))
    {
        Console.WriteLine();
        Console.WriteLine($"\"{claim.Quote.Exact}\"");
        Console.WriteLine($"  source {claim.SourceName ?? "-"} (id {claim.SourceId?.ToString(CultureInfo.InvariantCulture) ?? "new"}) from \"{claim.SourceEvidence}\"; relay {claim.RelayName ?? "-"}; confidence {claim.Confidence.ToString(CultureInfo.InvariantCulture)}");
        foreach (var figure in claim.Figures)
        {
            Console.WriteLine($"  {figure.Figure.Text} = {figure.Figure.Qualifier} {figure.Figure.Value} {figure.Figure.Unit} {figure.Figure.Kind} {figure.Date} metric {figure.MetricId?.ToString(CultureInfo.InvariantCulture) ?? "-"} ({figure.MetricEvidence}, {figure.MetricScore.ToString("F2", CultureInfo.InvariantCulture)}) time {figure.Time} ({figure.TimeEvidence})");
        }
    }
}

static string Pct(Score score) => score.Expected == 0 ? "      -" : string.Create(CultureInfo.InvariantCulture, $"{score.F1 * 100,7:F1}");

static void Print(string title, IReadOnlyList<ExtractionCorpus> files, ExtractionScores scores)
{
    Console.WriteLine($"{title}: {files.Sum(f => f.Paragraphs.Count)} paragraphs in {files.Count} files, {files.Sum(f => f.Paragraphs.Sum(p => p.Figures.Count))} annotated figures");
    Console.WriteLine($"{"aspect",-20} {"TP",5} {"pred",5} {"gold",5} {"P",7} {"R",7} {"F1",7}");
    foreach (var score in scores.All)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score.Name,-20} {score.TruePositives,5} {score.Predicted,5} {score.Expected,5} {score.Precision * 100,7:F1} {score.Recall * 100,7:F1} {score.F1 * 100,7:F1}"));
    }

    Console.WriteLine();
}

// The project folder (where ratchet.json is kept in git), found upwards from the build output.
static string FindSourceFolder()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ClaimsTracker.ExtractionScore.csproj")))
        {
            return dir.FullName;
        }
    }

    throw new DirectoryNotFoundException("benchmarks/ClaimsTracker.ExtractionScore not found above the build output.");
}
