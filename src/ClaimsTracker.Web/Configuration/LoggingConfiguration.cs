using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ClaimsTracker.Web.Configuration;

/// <summary>
/// Serilog from the "Serilog" section of configuration is the only logging set-up; one line per
/// request comes from Serilog.AspNetCore's request logging.
/// </summary>
public static class LoggingConfiguration
{
    /// <summary>"Logging:Json": true writes the console as compact JSON (one event per line) for a log collector.</summary>
    public const string JsonConsoleKey = "Logging:Json";

    public static void AddClaimsLogging(this WebApplicationBuilder builder)
    {
        // Start-up work before the host is built (the local database cluster) logs to the console
        // through the static logger. The host gets a logger of its own (preserveStaticLogger), so
        // several hosts in one process (the tests) never share or freeze each other's logger.
        Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();
        var json = builder.Configuration.GetValue<bool>(JsonConsoleKey);
        builder.Host.UseSerilog(preserveStaticLogger: true, configureLogger: (context, services, logger) =>
        {
            logger.ReadFrom.Configuration(context.Configuration).ReadFrom.Services(services);
            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
    }

    /// <summary>Outermost, so the logged status is the one the client received, 500s from the error handler included.</summary>
    public static void UseClaimsRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // The host's logger (configured sinks, JSON); left unset the middleware writes to the
            // static start-up logger, which is console-only because the host preserves it.
            options.Logger = app.Services.GetService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} ({Route}) responded {StatusCode} in {Elapsed:0.0} ms for {User}";
            options.GetLevel = RequestLevel;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("User", context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "anonymous");
                diagnostics.Set("Route", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(none)");
            };
        });

    /// <summary>
    /// Failures always show; successful requests for static files, health probes and the circuit's
    /// own traffic are routine and kept at Debug so they do not drown the rest.
    /// </summary>
    public static LogEventLevel RequestLevel(HttpContext context, double elapsedMs, Exception? exception)
    {
        var status = context.Response.StatusCode;
        if (exception is not null || status >= 500)
        {
            return LogEventLevel.Error;
        }

        if (status >= 400)
        {
            return LogEventLevel.Warning;
        }

        return IsRoutine(context.Request.Path) ? LogEventLevel.Debug : LogEventLevel.Information;
    }

    private static bool IsRoutine(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/alive") || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_content") || path.StartsWithSegments("/_blazor") || path.StartsWithSegments(HostingConfiguration.PrometheusPath)
        || Path.HasExtension(path.Value);
}
