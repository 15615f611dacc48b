using ClaimsTracker.ScenarioScore;

// Scores the multi-report scenarios through the real pipeline (docs/extraction.md, "Scenarios"):
// the held-out set first (never used to refine the rules), then the tuning set, or one folder.
// Usage: dotnet run --project benchmarks/ClaimsTracker.ScenarioScore [-- <folder>] [--details] [--accepted]
// Details are never printed for the held-out set: reading its misses would tune the rules on it.
var given = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
var heldOut = ScenarioFiles.HeldOutFolder();
var folders = given is not null ? [given] : new[] { heldOut, ScenarioFiles.DefaultFolder() };
var wantsDetails = args.Contains("--details") || args.Contains("--accepted");
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
    var isHeldOut = Path.GetFullPath(folder).TrimEnd('/') == Path.GetFullPath(heldOut).TrimEnd('/');
    Console.Write(ScenarioTable.Format(results, details: wantsDetails && !isHeldOut, accepted: args.Contains("--accepted") && !isHeldOut));
    Console.WriteLine();
}

return 0;
