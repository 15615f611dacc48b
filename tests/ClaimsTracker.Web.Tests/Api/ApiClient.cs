using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Testing;

namespace ClaimsTracker.Web.Tests.Api;

/// <summary>HTTP clients that call the API as a script would: with a bearer token per role, or none.</summary>
public static class ApiClient
{
    public static async Task<HttpClient> ForRoleAsync(ClaimsAppFactory app, string? role)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        if (role is null)
        {
            return client;
        }

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = InitialisationOptions.DemoUserName(role), password = ClaimsAppFactory.DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
