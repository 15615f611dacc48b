using ClaimsTracker.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/ClaimsTracker.Benchmarks [-- --families N --per-family N --skip-database]
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
