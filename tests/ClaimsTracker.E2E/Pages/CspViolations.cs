using System.Collections.Concurrent;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Testing;
using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Pages;

/// <summary>
/// A page signed in as one role that records every Content-Security-Policy violation the browser
/// reports in its console, for journeys that check interactive pages work under the policy.
/// </summary>
public sealed class CspViolations
{
    private readonly ConcurrentQueue<string> messages = new();

    private CspViolations(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                messages.Enqueue(message.Text);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The violations reported so far.</summary>
    public IReadOnlyList<string> Reported => [.. messages];

    /// <summary>A fresh page, watched from before the sign-in, signed in as the demo user of <paramref name="role"/>.</summary>
    public static async Task<CspViolations> SignedInAsync(IPage freshPage, string role)
    {
        ArgumentNullException.ThrowIfNull(freshPage);
        var watched = new CspViolations(freshPage);
        await new LoginPage(watched.Page).SignInAsync(InitialisationOptions.DemoUserName(role), ClaimsAppFactory.DemoPassword);
        return watched;
    }
}
