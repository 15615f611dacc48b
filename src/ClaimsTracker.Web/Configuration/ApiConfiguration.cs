using ClaimsTracker.Web.Authorization;
using Scalar.AspNetCore;
using ClaimsTracker.Web.Features.Account;
using ClaimsTracker.Web.Features.Claims;
using ClaimsTracker.Web.Features.Conflicts;
using ClaimsTracker.Web.Features.Metrics;
using ClaimsTracker.Web.Features.Reports;
using ClaimsTracker.Web.Features.Sources;

namespace ClaimsTracker.Web.Configuration;

/// <summary>The JSON API under /api/v1: each feature maps its own endpoints; errors are RFC 9457 problem details.</summary>
public static class ApiConfiguration
{
    public const string Prefix = "/api/v1";

    public static void AddClaimsApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi();
    }

    /// <summary>Before the rest of the pipeline: API failures answer in problem details, not HTML.</summary>
    public static void UseApiErrors(this WebApplication app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(IdentityConfiguration.ApiPrefix), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });

    public static void MapClaimsApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix).RequireAuthorization(Policies.CanBrowse);
        api.MapApiAuthEndpoints();
        api.MapReportEndpoints();
        api.MapClaimEndpoints();
        api.MapSourceEndpoints();
        api.MapMetricEndpoints();
        api.MapConflictEndpoints();
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            // A browsable API reference at /scalar/v1, for development only.
            app.MapScalarApiReference().AllowAnonymous();
        }
    }
}
