using System.Globalization;
using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Extraction.Evaluation;

// Scores the assisted extraction against corpus.json; "--details" lists every difference.
var path = Path.Combine(AppContext.BaseDirectory, "corpus.json");
var corpus = ExtractionCorpus.Load(path);
var scores = ExtractionScorer.Score(corpus, new ClaimExtractor());

Console.WriteLine($"Extraction corpus: {corpus.Paragraphs.Count} paragraphs, {corpus.Paragraphs.Sum(p => p.Figures.Count)} annotated figures");
Console.WriteLine();
Console.WriteLine($"{"aspect",-20} {"TP",5} {"pred",5} {"gold",5} {"P",7} {"R",7} {"F1",7}");
foreach (var score in scores.All)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score.Name,-20} {score.TruePositives,5} {score.Predicted,5} {score.Expected,5} {score.Precision * 100,7:F1} {score.Recall * 100,7:F1} {score.F1 * 100,7:F1}"));
}

if (args.Contains("--details"))
{
    Console.WriteLine();
    foreach (var difference in scores.Differences)
    {
        Console.WriteLine(difference);
    }
}
