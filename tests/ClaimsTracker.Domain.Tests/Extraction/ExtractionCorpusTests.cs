using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Extraction.Evaluation;

namespace ClaimsTracker.Domain.Tests.Extraction;

public class ExtractionCorpusTests
{
    private static readonly ExtractionCorpus Corpus = ExtractionCorpus.Load(Path.Combine(AppContext.BaseDirectory, "Extraction", "corpus.json"));

    [Fact]
    public void Corpus_HasEnoughAnnotatedParagraphs()
    {
        Assert.True(Corpus.Paragraphs.Count >= 30);
        Assert.All(Corpus.Paragraphs, p => Assert.All(p.Figures, f => Assert.Contains(f.Text, p.Text, StringComparison.Ordinal)));
    }

    [Fact]
    public void Extractor_KeepsItsScoresOnTheCorpus()
    {
        var scores = ExtractionScorer.Score(Corpus, new ClaimExtractor());

        // Floors below the measured scores (docs/extraction.md) so that a regression fails.
        Assert.True(scores.Values.F1 >= 0.85, $"value F1 {scores.Values.F1:P1}");
        Assert.True(scores.Metrics.F1 >= 0.80, $"metric F1 {scores.Metrics.F1:P1}");
        Assert.True(scores.Sources.F1 >= 0.85, $"source F1 {scores.Sources.F1:P1}");
    }
}
