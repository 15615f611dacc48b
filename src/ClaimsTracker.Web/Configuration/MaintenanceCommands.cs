using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Web.Features.Admin;
using ClaimsTracker.Web.Features.Import;

namespace ClaimsTracker.Web.Configuration;

/// <summary>
/// One-off jobs run instead of the web server: <c>dotnet run -- --detect-conflicts</c>,
/// <c>dotnet run -- --import &lt;file.json|folder&gt;</c>, <c>--create-admin &lt;email&gt;</c>, <c>--migrate</c>.
/// </summary>
public static class MaintenanceCommands
{
    public const string DetectConflicts = "--detect-conflicts";
    public const string Import = "--import";
    public const string MigrateOnly = "--migrate";

    /// <summary>Runs the command named in <paramref name="args"/>, if any; true when one ran.</summary>
    public static async Task<bool> RunMaintenanceCommandAsync(this WebApplication app, string[] args)
    {
        var importAt = Array.IndexOf(args, Import);
        if (importAt >= 0)
        {
            if (importAt + 1 >= args.Length)
            {
                Console.Error.WriteLine($"Usage: {Import} <file.json|file.txt|folder of .txt files>");
                Environment.ExitCode = 2;
                return true;
            }

            await using var importScope = app.Services.CreateAsyncScope();
            Environment.ExitCode = await ImportCommand.RunAsync(importScope.ServiceProvider, args[importAt + 1], Console.Out);
            return true;
        }

        var adminAt = Array.IndexOf(args, FirstAdministrator.Command);
        if (adminAt >= 0)
        {
            if (adminAt + 1 >= args.Length)
            {
                Console.Error.WriteLine($"Usage: {FirstAdministrator.Command} <email>  (password from CLAIMS_ADMIN_PASSWORD or standard input)");
                Environment.ExitCode = 2;
                return true;
            }

            await using var adminScope = app.Services.CreateAsyncScope();
            Environment.ExitCode = await FirstAdministrator.RunCommandAsync(adminScope.ServiceProvider, args[adminAt + 1], Console.In, Console.Out);
            return true;
        }

        if (args.Contains(MigrateOnly, StringComparer.Ordinal))
        {
            // Start-up already migrated (under the advisory lock); this command stops there.
            Console.WriteLine("Database is up to date.");
            return true;
        }

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
