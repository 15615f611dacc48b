using System.Diagnostics;

namespace ClaimsTracker.Web.Tests.Operations;

/// <summary>
/// The built app run as its own process (<c>dotnet ClaimsTracker.Web.dll …</c>), in Production,
/// on a given database: what an operator's command line does, not a call into the code.
/// </summary>
public static class AppProcess
{
    public sealed record Run(int ExitCode, string Output);

    public static async Task<Run> RunAsync(string connectionString, string[] arguments, IReadOnlyDictionary<string, string>? environment = null, string? input = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ClaimsTracker.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Claims"] = connectionString;
        start.Environment["LocalDatabase__Enabled"] = "false";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(Path.GetTempPath(), "claims-tests-logs", "process-.log");
        start.Environment.Remove("CLAIMS_ADMIN_PASSWORD");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet ClaimsTracker.Web.dll {string.Join(' ', arguments)} ran past 2 minutes:\n{await output}{await errors}");
        }

        return new Run(process.ExitCode, await output + await errors);
    }
}
