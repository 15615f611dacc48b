using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Pages;

/// <summary>
/// Screenshots for people to look at (artifacts/screenshots). Headless Chromium now and then
/// answers "Unable to capture screenshot" while it is still compositing a frame; that says nothing
/// about the app, so the picture is taken again after the next frames rather than failing a journey.
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
        }
    }
}
