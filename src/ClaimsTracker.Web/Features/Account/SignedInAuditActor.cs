using ClaimsTracker.Data.Auditing;
using Microsoft.AspNetCore.Components.Authorization;

namespace ClaimsTracker.Web.Features.Account;

/// <summary>
/// The user behind the current request or Blazor circuit, for audit entries. A circuit has no
/// HttpContext after it starts, so the circuit's authentication state is asked as well. Work done
/// outside both (start-up, background jobs) is recorded as "system".
/// </summary>
public sealed class SignedInAuditActor(IHttpContextAccessor http, AuthenticationStateProvider? circuitState = null) : IAuditActor
{
    public string Name => http.HttpContext is { } context
        ? context.User.Identity?.Name ?? "anonymous"
        : CircuitUserName() ?? "system";

    private string? CircuitUserName()
    {
        try
        {
            var state = circuitState?.GetAuthenticationStateAsync();
            return state is { IsCompletedSuccessfully: true } ? state.Result.User.Identity?.Name : null;
        }
        catch (InvalidOperationException)
        {
            // The server provider refuses to answer in a scope that no circuit has initialised.
            return null;
        }
    }
}
