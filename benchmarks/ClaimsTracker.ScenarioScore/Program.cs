using ClaimsTracker.ScenarioScore;

// Scores the multi-report scenarios through the real pipeline (docs/extraction.md, "Scenarios").
// Usage: dotnet run --project benchmarks/ClaimsTracker.ScenarioScore [-- <folder>] [--details] [--accepted]
var folder = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? ScenarioFiles.DefaultFolder();
var scenarios = Scenario.LoadAll(folder);
if (scenarios.Count == 0)
{
    Console.Error.WriteLine($"No scenarios (*.json) in {folder}.");
    return 1;
}

Console.WriteLine($"{scenarios.Count} scenarios from {folder}");
var results = await ScenarioScorer.RunAllAsync(scenarios);
Console.Write(ScenarioTable.Format(results, details: args.Contains("--details") || args.Contains("--accepted"), accepted: args.Contains("--accepted")));
return 0;
