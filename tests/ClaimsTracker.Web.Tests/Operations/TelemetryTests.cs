using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ClaimsTracker.Web.Tests.Operations;

/// <summary>Keeps every finished span, as an exporter would receive it.</summary>
public sealed class CollectingSpans : BaseProcessor<Activity>
{
    public ConcurrentQueue<Activity> Finished { get; } = new();

    public override void OnEnd(Activity data) => Finished.Enqueue(data);
}

/// <summary>The app with "OpenTelemetry:Exporter" set (or not), and a span collector added to whatever tracing it configures.</summary>
public abstract class TelemetryAppFactory(string? exporter) : ClaimsAppFactory(realServer: false, loadDemoData: false)
{
    public CollectingSpans Spans { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (exporter is not null)
        {
            builder.UseSetting("OpenTelemetry:Exporter", exporter);
        }

        // Only a configuration callback: it starts no tracing of its own when the app has none.
        builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(Spans)));
    }
}

/// <summary>Prometheus: metrics scraped at /telemetry/metrics, traces collected but not exported.</summary>
public sealed class PrometheusAppFactory() : TelemetryAppFactory("prometheus");

public sealed class TelemetryOffAppFactory() : TelemetryAppFactory(exporter: null);

public class TelemetryOnTests(PrometheusAppFactory app) : IClassFixture<PrometheusAppFactory>
{
    [Fact]
    public async Task Request_TelemetryOn_IsASpanWithItsRouteAndAPrometheusMetric()
    {
        using var client = app.CreateClient();

        var alive = await client.GetAsync("/alive");
        Activity? span = null;
        for (var wait = 0; wait < 50 && span is null; wait++)
        {
            span = app.Spans.Finished.FirstOrDefault(a => a.Kind == ActivityKind.Server && a.GetTagItem("url.path") as string == "/alive");
            await Task.Delay(span is null ? 100 : 0);
        }

        var metrics = await client.GetAsync(HostingConfiguration.PrometheusPath);
        var scraped = await metrics.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.NotNull(span);
        Assert.Equal(200, Convert.ToInt32(span.GetTagItem("http.response.status_code"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("http_server_request_duration", scraped, StringComparison.Ordinal);
    }
}

public class TelemetryOffTests(TelemetryOffAppFactory app) : IClassFixture<TelemetryOffAppFactory>
{
    [Fact]
    public async Task Request_TelemetryOff_NothingIsRegisteredOrCollected()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var alive = await client.GetAsync("/alive");
        var metrics = await client.GetAsync(HostingConfiguration.PrometheusPath);
        await Task.Delay(200);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Empty(app.Spans.Finished);
        Assert.NotEqual(HttpStatusCode.OK, metrics.StatusCode);
    }
}
