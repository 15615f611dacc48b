using System.Text.Json;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.ScenarioScore;

namespace ClaimsTracker.Web.Tests.Conflicts;

/// <summary>
/// The multi-report scenario scorer: its arithmetic on a hand-made queue, a run through the real
/// pipeline, and a ratchet so the queue's recall and precision cannot silently fall.
/// </summary>
public class ScenarioScorerTests
{
    /// <summary>Points (of 100) a score may fall below the recorded one before the ratchet fails.</summary>
    private const double Slack = 2;

    private static string TestScenarios => Path.Combine(ScenarioFiles.RepositoryRoot(), "tests", "ClaimsTracker.Web.Tests", "Conflicts", "Scenarios");

    private static string RatchetFile => Path.Combine(ScenarioFiles.RepositoryRoot(), "tests", "ClaimsTracker.Web.Tests", "Conflicts", "scenario-scores.json");

    [Fact]
    public void Score_HandMadeQueue_CountsRightSidesExtrasAndFlaggedAgreements()
    {
        var scenario = Scenario.Load(Path.Combine(TestScenarios, "kursk-casualties.json"));
        var right = Item(1, "killed-or-wounded", ("Antony Blinken", [1]), ("Volodymyr Zelensky", [2]), ("National Intelligence Service", [2]));
        var wrongSides = Item(2, "killed-or-wounded", ("Antony Blinken", [1]), ("Volodymyr Zelensky", [2]), ("National Intelligence Service", [3]));
        var extra = Item(3, "killed", ("National Intelligence Service", [1, 2]));

        var good = ScenarioScorer.Score(scenario, [right, extra]);
        var bad = ScenarioScorer.Score(scenario, [wrongSides]);

        Assert.Equal((1, 1, 0.5, 0), (good.DisputesFound, good.MatchingItems, good.Precision, good.NonDisputesFlagged));
        Assert.Contains(good.Misses, m => m.StartsWith("extra item #3", StringComparison.Ordinal));
        Assert.Equal((0, 0d, 1), (bad.DisputesFound, bad.Recall, bad.NonDisputesFlagged));
    }

    [Fact]
    public void Score_ItemMissingACorroboratingSource_HasRightSidesButIsNoStrictMatch()
    {
        var scenario = Scenario.Load(Path.Combine(TestScenarios, "kursk-casualties.json"));
        var missingOne = Item(1, "killed-or-wounded", ("Antony Blinken", [1]), ("Volodymyr Zelensky", [2]));
        var oneSideOnly = Item(2, "killed-or-wounded", ("Volodymyr Zelensky", [1]), ("National Intelligence Service", [1]));
        var mixed = Item(3, "killed-or-wounded", ("Antony Blinken", [1]), ("Volodymyr Zelensky", [1]));

        var lenient = ScenarioScorer.Score(scenario, [missingOne]);
        var neither = ScenarioScorer.Score(scenario, [oneSideOnly, mixed]);

        Assert.Equal((0, 1, 1), (lenient.DisputesFound, lenient.DisputesWithRightSides, lenient.RealItems));
        Assert.Equal((0, 0), (neither.DisputesWithRightSides, neither.RealItems));
        var totals = ScenarioTotals.Of([lenient, neither]);
        Assert.Equal((0.5, 1 / 3d), (totals.SidesRecall, totals.RealPrecision));
    }

    [Fact]
    public async Task Run_TestScenario_GoesThroughEntryProposalsAndDetection()
    {
        var scenario = Scenario.Load(Path.Combine(TestScenarios, "kursk-casualties.json"));

        var result = await ScenarioScorer.RunAsync(scenario);

        Assert.Equal(4, result.Reports);
        Assert.True(result.ClaimsAccepted >= 4, $"only {result.ClaimsAccepted} claims accepted from the proposals");
        Assert.Equal(result.Items.Count(i => result.Misses.All(m => !m.StartsWith($"extra item #{i.ConflictId} ", StringComparison.Ordinal))), result.MatchingItems);
        Assert.Contains("test-kursk-casualties", ScenarioTable.Format([result], details: true), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScenarioFiles.HeldOutRelativeFolder)]
    [InlineData(ScenarioFiles.RelativeFolder)]
    public async Task Ratchet_ScenarioScores_DoNotFallBelowTheRecordedOnes(string set)
    {
        var scenarios = Scenario.LoadAll(Path.Combine(ScenarioFiles.RepositoryRoot(), set));
        Assert.NotEmpty(scenarios);
        using var recorded = JsonDocument.Parse(File.ReadAllText(RatchetFile));
        Assert.True(recorded.RootElement.TryGetProperty(set, out var floor), $"No recorded scores for “{set}” in {RatchetFile}; run the scorer and record them.");

        var totals = ScenarioTotals.Of(await ScenarioScorer.RunAllAsync(scenarios));

        var (recall, precision) = (totals.Recall * 100, totals.Precision * 100);
        Assert.True(recall >= floor.GetProperty("recall").GetDouble() - Slack, $"Scenario recall {recall:0.0} fell below the recorded {floor.GetProperty("recall").GetDouble():0.0}.");
        Assert.True(precision >= floor.GetProperty("precision").GetDouble() - Slack, $"Queue precision {precision:0.0} fell below the recorded {floor.GetProperty("precision").GetDouble():0.0}.");
        Assert.True(totals.NonDisputesFlagged <= floor.GetProperty("nonDisputesFlagged").GetInt32(), $"{totals.NonDisputesFlagged} expected non-disputes flagged, recorded {floor.GetProperty("nonDisputesFlagged").GetInt32()}.");
    }

    private static QueueItem Item(int id, string metric, params (string Source, int[] Camps)[] positions) =>
        new(id, ConflictKind.ValueDisagreement, metric,
            positions.ToDictionary(p => ScenarioScorer.SourceKey(p.Source), p => (IReadOnlySet<int>)p.Camps.ToHashSet()), "");
}
