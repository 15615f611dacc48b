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

    /// <summary>
    /// Empty when the keyboard's position can be seen; otherwise says what is focused and how it
    /// looks. Seen means: the focused element has an outline of 2 px or more or a box shadow; for an
    /// input MudBlazor draws invisible under an icon (radios, checkboxes), the icon button in its
    /// label has one; for a MudBlazor text field, the border it draws is 3 px (1 px unfocused).
    /// </summary>
    public Task<string> FocusCueProblemAsync() => page.EvaluateAsync<string>("""
        (() => {
            const focused = document.activeElement;
            const ringed = el => {
                const s = getComputedStyle(el);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
            };
            let drawn = focused;
            let seen;
            if (focused.matches('.mud-input-slot')) {
                drawn = focused.closest('.mud-input-control')?.querySelector('.mud-input-outlined-border') ?? focused;
                seen = ringed(focused) || parseFloat(getComputedStyle(drawn).borderTopWidth) >= 3;
            } else if (parseFloat(getComputedStyle(focused).opacity) === 0) {
                drawn = focused.closest('label') ?? focused;
                seen = [drawn, ...drawn.querySelectorAll('.mud-button-root')].some(ringed);
            } else {
                seen = ringed(focused);
            }

            return seen ? '' : `${drawn.outerHTML.slice(0, 200)} shows no focus ring (focus-visible ${focused.matches(':focus-visible')})`;
        })()
        """);

    /// <summary>Empty when the focused element shows an outline someone can see; otherwise what it shows.</summary>
    public Task<string> FocusProblemAsync() => page.EvaluateAsync<string>(
        "(() => { const el = document.activeElement; const s = getComputedStyle(el); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? '' : `${el.outerHTML.slice(0, 200)} outline ${s.outlineStyle} ${s.outlineWidth}, focus-visible ${el.matches(':focus-visible')}`; })()");
}
