using System.Security.Cryptography;

namespace ClaimsTracker.Web.Infrastructure;

/// <summary>
/// Security headers on every response, with a Content-Security-Policy that Blazor Server and
/// MudBlazor work under: scripts only from this origin or carrying the per-request
/// nonce (the framework's inline import map gets it), styles from this origin plus inline styles
/// (MudBlazor writes its theme variables and positions popovers with them), the circuit's
/// WebSocket to this origin only.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string NonceKey = "csp-nonce";

    /// <summary>The nonce of the current response, for the few inline scripts the framework renders.</summary>
    public static string Nonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[NonceKey] as string ?? string.Empty;
    }

    public Task InvokeAsync(HttpContext context)
    {
        // Hex, not base64: "+" and "/" would be entity-encoded in the attribute and no longer match.
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // The development-only API reference (/scalar) runs its own inline scripts; it is not part of the app.
            if (!context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy =
                    "default-src 'self'; " +
                    $"script-src 'self' 'nonce-{nonce}'; " +
                    "style-src 'self' 'unsafe-inline'; " +
                    "img-src 'self' data:; " +
                    "font-src 'self' data:; " +
                    "connect-src 'self'; " +
                    "object-src 'none'; " +
                    "base-uri 'self'; " +
                    "form-action 'self'; " +
                    "frame-ancestors 'none'";
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
