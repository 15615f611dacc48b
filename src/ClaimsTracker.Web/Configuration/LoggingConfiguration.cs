using Serilog;

namespace ClaimsTracker.Web.Configuration;

public static class LoggingConfiguration
{
    /// <summary>Serilog from the "Serilog" section of configuration is the only logging set-up.</summary>
    public static void AddClaimsLogging(this WebApplicationBuilder builder)
    {
        // Also the static logger, so that start-up work before the host is built logs the same way.
        Log.Logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(Log.Logger, dispose: true);
    }
}
