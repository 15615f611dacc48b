using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Extraction.Evaluation;

namespace ClaimsTracker.Domain.Tests.Extraction;

public class ExtractionCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Extraction");
    private static readonly IReadOnlyList<ExtractionCorpus> Files = ExtractionCorpus.LoadFolder(Path.Combine(Folder, "corpus"));

    [Fact]
    public void Corpus_HasEnoughAnnotatedParagraphsAcrossKindsOfStory()
    {
        Assert.True(Files.Count >= 10, $"{Files.Count} corpus files");
        Assert.True(Files.Sum(f => f.Paragraphs.Count) >= 300, $"{Files.Sum(f => f.Paragraphs.Count)} paragraphs");
        Assert.All(Files.SelectMany(f => f.Paragraphs), p => Assert.All(p.Figures, f => Assert.Contains(f.Text, p.Text, StringComparison.Ordinal)));
    }

    [Fact]
    public void Corpus_HoldsOutAThirdOfTheParagraphs()
    {
        // Every third paragraph of each file written for held-out scoring; the first, older file holds out fewer.
        Assert.All(Files.Where(f => f.Name != "kursk-and-briefs"), f => Assert.Equal(f.Paragraphs.Count / 3, f.Paragraphs.Count(p => p.HeldOut)));
        var paragraphs = Files.SelectMany(f => f.Paragraphs).ToList();
        Assert.InRange((double)paragraphs.Count(p => p.HeldOut) / paragraphs.Count, 0.28, 0.36);
    }

    [Fact]
    public void Extractor_DoesNotFallBelowTheRecordedHeldOutScores()
    {
        var ratchet = ExtractionRatchet.Load(Path.Combine(Folder, "ratchet.json"));
        Assert.NotEmpty(ratchet.HeldOutF1);

        var scores = ExtractionScorer.Score(Files.Select(f => f.Where(p => p.HeldOut)), new ClaimExtractor());

        var regressions = ratchet.Regressions(scores);
        Assert.True(regressions.Count == 0, string.Join("; ", regressions));
    }

    [Fact]
    public void Ratchet_FlagsAFallOfMoreThanTwoPoints()
    {
        Score Perfect(string name) => new(name, 10, 10, 10);
        var scores = new ExtractionScores(Perfect("values"), Perfect("qualifiers"), Perfect("metric"), new Score("source", 80, 100, 100), Perfect("relay"), Perfect("dates"), Perfect("unit"), []);

        Assert.Empty(new ExtractionRatchet(new Dictionary<string, double> { ["source"] = 0.81 }).Regressions(scores));
        Assert.Single(new ExtractionRatchet(new Dictionary<string, double> { ["source"] = 0.83 }).Regressions(scores));
        Assert.Equal(0.83, new ExtractionRatchet(new Dictionary<string, double> { ["source"] = 0.83 }).Raise(scores).HeldOutF1["source"]);
    }
}
