using System.Globalization;
using ClaimsTracker.Web.Components.Layout;
using MudBlazor;

namespace ClaimsTracker.Components.Tests.Layout;

/// <summary>The header and primary colours stay readable (WCAG AA, 4.5:1) in both palettes.</summary>
public class ClaimsThemeTests
{
    public static TheoryData<string, string, string> Pairs => new()
    {
        { "light app bar", ClaimsTheme.Theme.PaletteLight.AppbarText.Value, ClaimsTheme.Theme.PaletteLight.AppbarBackground.Value },
        { "dark app bar", ClaimsTheme.Theme.PaletteDark.AppbarText.Value, ClaimsTheme.Theme.PaletteDark.AppbarBackground.Value },
        { "light primary button", ClaimsTheme.Theme.PaletteLight.PrimaryContrastText.Value, ClaimsTheme.Theme.PaletteLight.Primary.Value },
        { "dark primary button", ClaimsTheme.Theme.PaletteDark.PrimaryContrastText.Value, ClaimsTheme.Theme.PaletteDark.Primary.Value },
        { "light text", ClaimsTheme.Theme.PaletteLight.TextPrimary.Value, ClaimsTheme.Theme.PaletteLight.Surface.Value },
        { "light secondary text", ClaimsTheme.Theme.PaletteLight.TextSecondary.Value, ClaimsTheme.Theme.PaletteLight.Background.Value },
        { "dark text", ClaimsTheme.Theme.PaletteDark.TextPrimary.Value, ClaimsTheme.Theme.PaletteDark.Surface.Value },
        { "light link on surface", ClaimsTheme.Theme.PaletteLight.Primary.Value, ClaimsTheme.Theme.PaletteLight.Surface.Value },
        { "dark link on surface", ClaimsTheme.Theme.PaletteDark.Primary.Value, ClaimsTheme.Theme.PaletteDark.Surface.Value },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Palette_TextOnBackground_MeetsAaContrast(string pair, string foreground, string background)
    {
        var ratio = ContrastRatio(foreground, background);

        Assert.True(ratio >= 4.5, $"{pair}: {foreground} on {background} is {ratio:F2}:1");
    }

    private static double ContrastRatio(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    // Relative luminance as WCAG 2 defines it, from "#rrggbb" or "#rrggbbaa" (alpha ignored).
    private static double Luminance(string colour)
    {
        var hex = colour.TrimStart('#');
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }
}
