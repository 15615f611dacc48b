using ClaimsTracker.Data.Conflicts;

namespace ClaimsTracker.Web.Configuration;

/// <summary>One-off jobs run instead of the web server: <c>dotnet run -- --detect-conflicts</c>.</summary>
public static class MaintenanceCommands
{
    public const string DetectConflicts = "--detect-conflicts";

    /// <summary>Runs the command named in <paramref name="args"/>, if any; true when one ran.</summary>
    public static async Task<bool> RunMaintenanceCommandAsync(this WebApplication app, string[] args)
    {
        if (!args.Contains(DetectConflicts, StringComparer.Ordinal))
        {
            return false;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<ConflictDetectionService>().DetectAllAsync();
        Console.WriteLine(
            $"Detected over {summary.Figures} figures in {summary.Groups} groups: {summary.Added} added, {summary.Updated} updated, "
            + $"{summary.Reopened} reopened, {summary.Withdrawn} no longer detected ({summary.Elapsed.TotalMilliseconds:0} ms).");
        return true;
    }
}
