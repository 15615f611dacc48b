using ClaimsTracker.ScenarioScore;

// Scores the multi-report scenarios through the real pipeline (docs/extraction.md, "Scenarios"):
// the held-out set first (never used to refine the rules), then the tuning set, or one folder.
// Usage: dotnet run --project benchmarks/ClaimsTracker.ScenarioScore [-- <folder>] [--details] [--accepted]
var given = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
var folders = given is not null ? [given] : new[] { ScenarioFiles.HeldOutFolder(), ScenarioFiles.DefaultFolder() };
foreach (var folder in folders)
{
    var scenarios = Scenario.LoadAll(folder);
    if (scenarios.Count == 0)
    {
        Console.Error.WriteLine($"No scenarios (*.json) in {folder}.");
        return 1;
    }

    Console.WriteLine($"{scenarios.Count} scenarios from {folder}");
    var results = await ScenarioScorer.RunAllAsync(scenarios);
    Console.Write(ScenarioTable.Format(results, details: args.Contains("--details") || args.Contains("--accepted"), accepted: args.Contains("--accepted")));
    Console.WriteLine();
}

return 0;
