using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace ClaimsTracker.Web.Components.Forms;

/// <summary>
/// Drafts in the browser's local storage, encrypted and signed by the server's data protection so
/// the browser can neither read nor forge them. The key carries the user's id: another account
/// signed in on the same browser never sees (or restores) someone else's draft. Needs the circuit's
/// JS interop, so callers load drafts after the first interactive render.
/// </summary>
public sealed class BrowserDraftStore(ProtectedLocalStorage storage, AuthenticationStateProvider authentication, ILogger<BrowserDraftStore> logger) : IUserDraftStore
{
    public async Task<T?> LoadAsync<T>(string form) where T : class
    {
        try
        {
            var stored = await storage.GetAsync<T>(await KeyAsync(form));
            return stored.Success ? stored.Value : null;
        }
        catch (CryptographicException)
        {
            // Written under keys this server no longer has (e.g. after a key rotation): start afresh.
            logger.LogInformation("A stored draft of {Form} could not be read and is discarded", form);
            await ClearAsync(form);
            return null;
        }
    }

    public async Task SaveAsync<T>(string form, T draft) where T : class =>
        await storage.SetAsync(await KeyAsync(form), draft);

    public async Task ClearAsync(string form) => await storage.DeleteAsync(await KeyAsync(form));

    private async Task<string> KeyAsync(string form)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "anonymous";
        return $"draft:{id}:{form}";
    }
}
