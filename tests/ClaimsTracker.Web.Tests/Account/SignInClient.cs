using System.Net;
using System.Text.RegularExpressions;
using ClaimsTracker.Testing;

namespace ClaimsTracker.Web.Tests.Account;

/// <summary>Signs in through the real login form (antiforgery token included), as a browser would.</summary>
public static partial class SignInClient
{
    public static async Task<HttpClient> SignedInAsync(ClaimsAppFactory app, string email, string password = ClaimsAppFactory.DemoPassword)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed with {response.StatusCode}.");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(form).Groups["token"].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
