using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Pages;

/// <summary>
/// Screenshots for people to look at (artifacts/screenshots). Headless Chromium now and then
/// answers "Unable to capture screenshot" while it is still compositing a frame, or "Not attached to
/// an active page" while it swaps a tab's renderer; neither says anything about the app, so the
/// picture is taken again rather than failing a journey.
/// </summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name, bool fullPage = false)
    {
        var options = new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name), FullPage = fullPage };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.ScreenshotAsync(options);
                return;
            }
            catch (PlaywrightException e) when (attempt < 3 && e.Message.Contains("Unable to capture screenshot", StringComparison.Ordinal))
            {
                await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            }
            catch (PlaywrightException e) when (attempt < 3 && e.Message.Contains("Not attached to an active page", StringComparison.Ordinal))
            {
                // The tab's renderer was swapped under the capture (seen once on a phone-width navigation): wait until the page has loaded again.
                await page.WaitForLoadStateAsync(LoadState.Load);
            }
        }
    }
}
