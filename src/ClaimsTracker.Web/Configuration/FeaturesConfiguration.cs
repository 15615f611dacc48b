using ClaimsTracker.Data;
using ClaimsTracker.Web.Components;
using ClaimsTracker.Web.Features.Admin;
using ClaimsTracker.Web.Features.Account;
using ClaimsTracker.Web.Features.Claims;
using ClaimsTracker.Web.Features.Conflicts;
using ClaimsTracker.Web.Features.Metrics;
using ClaimsTracker.Web.Features.Search;
using ClaimsTracker.Web.Features.Home;
using ClaimsTracker.Web.Features.ReportEntry;
using ClaimsTracker.Web.Features.Reports;
using ClaimsTracker.Web.Features.Sources;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MudBlazor.Services;

namespace ClaimsTracker.Web.Configuration;

public static class FeaturesConfiguration
{
    public static void AddClaimsFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // A closed tab's circuit is kept briefly for a reconnect, then dropped: bounded in count
        // and time so disconnected sessions cannot fill the server (docs/performance.md).
        var circuits = builder.Configuration.GetSection("Circuits");
        services.AddRazorComponents().AddInteractiveServerComponents(options =>
        {
            options.DisconnectedCircuitMaxRetained = circuits.GetValue("DisconnectedMaxRetained", 50);
            options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(circuits.GetValue("DisconnectedRetentionSeconds", 60));
        });
        services.AddMudServices();
        services.AddScoped<ClaimsTracker.Web.Components.Forms.IUserDraftStore, ClaimsTracker.Web.Components.Forms.BrowserDraftStore>();
        services.AddScoped<SourcePicker>();
        services.AddScoped<MetricPicker>();
        // Enums travel as their names in the API ("PreferFigure", not 0).
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSignInRateLimit(builder.Configuration);
        services.AddClaimsApi();
        services.AddHealthChecks().AddDbContextCheck<ClaimsDbContext>("database", tags: ["ready"]);

        services.AddScoped<ReportQueries>();
        services.AddScoped<SourceQueries>();
        services.AddScoped<OverviewQueries>();
        services.AddScoped<ClaimQueries>();
        services.AddScoped<SearchQueries>();
        services.AddScoped<MetricQueries>();
        services.AddScoped<ConflictQueries>();
        services.AddScoped<ConflictResolutionService>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ReportEditor>();
        services.AddScoped<ProposalService>();
        services.AddScoped<ClaimEditor>();
        services.AddScoped<SourceEditor>();
        services.AddScoped<MetricEditor>();
        services.AddScoped<UserAdministration>();
    }

    public static void UseClaimsPipeline(this WebApplication app)
    {
        app.UseClaimsForwardedHeaders();
        app.UseClaimsRequestLogging();
        app.UseApiErrors();
        if (!app.Environment.IsDevelopment())
        {
            // Pages get the error page; the API answers with problem details (UseApiErrors).
            app.UseWhen(context => !context.Request.Path.StartsWithSegments(IdentityConfiguration.ApiPrefix),
                pages => pages.UseExceptionHandler("/error", createScopeForErrors: true));
            app.UseHsts();
        }

        // Inside the error handlers: bad input and an unreachable database get their own answers first.
        app.UseMiddleware<RequestFailureMiddleware>();

        // A page address with no page (or an empty error status) shows a page in the app's layout,
        // not the browser's bare 404; the API keeps its problem details.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments(IdentityConfiguration.ApiPrefix),
            pages => pages.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true));
        // Routing after the error and status-code handlers, so a re-executed request is routed to
        // its page again (the implicit routing at the start of the pipeline would keep no endpoint).
        app.UseRouting();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(SessionValidation.RejectRevokedAsync);
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapClaimsApi();
        app.MapClaimsTelemetry();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
