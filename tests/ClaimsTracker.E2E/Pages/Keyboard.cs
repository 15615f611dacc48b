using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Pages;

/// <summary>Moves through a page with the Tab key only, as someone without a mouse does.</summary>
public sealed class Keyboard(IPage page)
{
    /// <summary>
    /// Presses Tab until the focused element satisfies <paramref name="predicate"/> (a JavaScript
    /// function of the element); fails if it is not reached, i.e. not reachable by keyboard.
    /// </summary>
    public async Task TabToAsync(string predicate, string what, int maxPresses = 60)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"(() => {{ const el = document.activeElement; return !!el && !!(({predicate})(el)); }})()"))
            {
                return;
            }
        }

        Assert.Fail($"{what} was not reached with {maxPresses} presses of Tab.");
    }

    /// <summary>Empty when the focused element shows an outline someone can see; otherwise what it shows.</summary>
    public Task<string> FocusProblemAsync() => page.EvaluateAsync<string>(
        "(() => { const el = document.activeElement; const s = getComputedStyle(el); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? '' : `${el.outerHTML.slice(0, 200)} outline ${s.outlineStyle} ${s.outlineWidth}, focus-visible ${el.matches(':focus-visible')}`; })()");
}
