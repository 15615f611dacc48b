using System.Net;
using System.Security.Cryptography.X509Certificates;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ClaimsTracker.Web.Configuration;

/// <summary>
/// What running several instances behind a proxy needs: one data-protection key ring in the
/// database, forwarded headers from known proxies only, and traces and metrics for the operator.
/// </summary>
public static class HostingConfiguration
{
    public const string ApplicationName = "ClaimsTracker";

    public static async Task AddClaimsHostingAsync(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        await DataProtectionKeysContext.EnsureTableAsync(connectionString);
        services.AddDbContext<DataProtectionKeysContext>(options => options.UseNpgsql(connectionString));
        var dataProtection = services.AddDataProtection()
            // One name for every instance: without it each content path has its own key ring.
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<DataProtectionKeysContext>();
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            // Keys at rest are encrypted with this certificate; without one they are stored as plain XML.
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]));
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only these may say who the client is; anyone else's X-Forwarded-* is ignored.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // With both lists empty the middleware checks no sender at all and believes everyone,
            // so without a configured proxy the headers are not read.
            options.ForwardedHeaders = options.KnownProxies.Count + options.KnownIPNetworks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost
                : ForwardedHeaders.None;

            if (configuration.GetSection("ForwardedHeaders:AllowedHosts").Get<string[]>() is { Length: > 0 } hosts)
            {
                options.AllowedHosts = hosts;
            }
        });

        services.AddClaimsTelemetry(configuration);
    }

    /// <summary>
    /// "OpenTelemetry:Exporter": "none" (default), "otlp" (to OTEL_EXPORTER_OTLP_ENDPOINT or
    /// "OpenTelemetry:OtlpEndpoint") or "prometheus" (metrics scraped at <see cref="PrometheusPath"/>).
    /// </summary>
    private static void AddClaimsTelemetry(this IServiceCollection services, ConfigurationManager configuration)
    {
        var exporter = configuration["OpenTelemetry:Exporter"]?.Trim().ToLowerInvariant() ?? "none";
        if (exporter is "none" or "")
        {
            return;
        }

        var otlpEndpoint = configuration["OpenTelemetry:OtlpEndpoint"];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ApplicationName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql();
                if (exporter == "otlp")
                {
                    tracing.AddOtlpExporter(o => SetEndpoint(o, otlpEndpoint));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter("Npgsql");
                if (exporter == "prometheus")
                {
                    metrics.AddPrometheusExporter();
                }
                else
                {
                    metrics.AddOtlpExporter(o => SetEndpoint(o, otlpEndpoint));
                }
            });
    }

    private static void SetEndpoint(OpenTelemetry.Exporter.OtlpExporterOptions options, string? endpoint)
    {
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            options.Endpoint = new Uri(endpoint);
        }
    }

    /// <summary>First in the pipeline, so the rate limiter, links and logs see the client, not the proxy.</summary>
    public static void UseClaimsForwardedHeaders(this WebApplication app) => app.UseForwardedHeaders();

    /// <summary>Where Prometheus scrapes; not the usual /metrics, which is the metric catalogue page.</summary>
    public const string PrometheusPath = "/telemetry/metrics";

    /// <summary>The Prometheus scraping endpoint, when that exporter is chosen.</summary>
    public static void MapClaimsTelemetry(this WebApplication app)
    {
        if (string.Equals(app.Configuration["OpenTelemetry:Exporter"]?.Trim(), "prometheus", StringComparison.OrdinalIgnoreCase))
        {
            app.MapPrometheusScrapingEndpoint(PrometheusPath).AllowAnonymous();
        }
    }
}
