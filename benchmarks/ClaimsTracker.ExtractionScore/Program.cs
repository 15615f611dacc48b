using System.Globalization;
using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Extraction.Evaluation;

// Scores the assisted extraction against corpus.json; "--details" lists every difference,
// "--show <paragraph id>" prints what the extractor proposes for one paragraph.
var path = Path.Combine(AppContext.BaseDirectory, "corpus.json");
var corpus = ExtractionCorpus.Load(path);
var scores = ExtractionScorer.Score(corpus, new ClaimExtractor());
Print("all paragraphs", corpus, scores);
Print("held out (never used to tune the rules)", corpus.Where(p => p.HeldOut), ExtractionScorer.Score(corpus.Where(p => p.HeldOut), new ClaimExtractor()));

if (args.Contains("--details"))
{
    Console.WriteLine();
    foreach (var difference in scores.Differences)
    {
        Console.WriteLine(difference);
    }
}

if (Array.IndexOf(args, "--show") is var at && at >= 0 && at + 1 < args.Length)
{
    var paragraph = corpus.Paragraphs.Single(p => p.Id == args[at + 1]);
    foreach (var claim in new ClaimExtractor().Propose(paragraph.Text, corpus.ContextFor(paragraph)))
    {
        Console.WriteLine();
        Console.WriteLine($"\"{claim.Quote.Exact}\"");
        Console.WriteLine($"  source {claim.SourceName ?? "-"} (id {claim.SourceId?.ToString(CultureInfo.InvariantCulture) ?? "new"}) from \"{claim.SourceEvidence}\"; relay {claim.RelayName ?? "-"}; confidence {claim.Confidence.ToString(CultureInfo.InvariantCulture)}");
        foreach (var figure in claim.Figures)
        {
            Console.WriteLine($"  {figure.Figure.Text} = {figure.Figure.Qualifier} {figure.Figure.Value} {figure.Figure.Kind} {figure.Date} metric {figure.MetricId?.ToString(CultureInfo.InvariantCulture) ?? "-"} ({figure.MetricEvidence}) time {figure.Time} ({figure.TimeEvidence})");
        }
    }
}

static void Print(string title, ExtractionCorpus corpus, ExtractionScores scores)
{
    Console.WriteLine($"{title}: {corpus.Paragraphs.Count} paragraphs, {corpus.Paragraphs.Sum(p => p.Figures.Count)} annotated figures");
    Console.WriteLine($"{"aspect",-20} {"TP",5} {"pred",5} {"gold",5} {"P",7} {"R",7} {"F1",7}");
    foreach (var score in scores.All)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score.Name,-20} {score.TruePositives,5} {score.Predicted,5} {score.Expected,5} {score.Precision * 100,7:F1} {score.Recall * 100,7:F1} {score.F1 * 100,7:F1}"));
    }

    Console.WriteLine();
}
