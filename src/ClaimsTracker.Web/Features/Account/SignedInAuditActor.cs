using ClaimsTracker.Data.Auditing;
using Microsoft.AspNetCore.Components.Authorization;

namespace ClaimsTracker.Web.Features.Account;

/// <summary>
/// The user behind the current request or Blazor circuit, for audit entries. A circuit has no
/// HttpContext after it starts, so the circuit's authentication state is asked as well.
/// </summary>
public sealed class SignedInAuditActor(IHttpContextAccessor http, AuthenticationStateProvider? circuitState = null) : IAuditActor
{
    public string Name => http.HttpContext?.User.Identity?.Name
        ?? CircuitUserName()
        ?? "anonymous";

    private string? CircuitUserName()
    {
        var state = circuitState?.GetAuthenticationStateAsync();
        return state is { IsCompletedSuccessfully: true } ? state.Result.User.Identity?.Name : null;
    }
}
