using ClaimsTracker.Benchmarks;
using ClaimsTracker.Benchmarks.Scale;

// Usage: dotnet run -c Release --project benchmarks/ClaimsTracker.Benchmarks [-- --families N --per-family N --skip-database]
//        dotnet run -c Release --project benchmarks/ClaimsTracker.Benchmarks -- --scale [--figures 1000000 --runs 30 --import-reports 500 --seconds 5 --clients 8 --detection-only]
if (args.Contains("--scale"))
{
    await ScaleBenchmark.RunAsync(new ScaleSettings(
        Argument("--figures", 1_000_000), Argument("--runs", 30), Argument("--import-reports", 500), Argument("--seconds", 5), Argument("--clients", 8))
    {
        DetectionOnly = args.Contains("--detection-only"),
    });
    return;
}

var families = Argument("--families", 10_000);
var perFamily = Argument("--per-family", 100);

await EngineBenchmark.RunAsync(families, perFamily);
if (!args.Contains("--skip-database"))
{
    await DatabaseBenchmark.RunAsync();
}

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
