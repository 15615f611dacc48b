using MudBlazor;

namespace ClaimsTracker.Web.Components.Layout;

/// <summary>
/// The product's one theme: ink-blue for navigation and actions, amber for what needs attention
/// (conflicts), with light and dark palettes. Colours are picked so text on them stays at or above
/// 4.5:1 contrast (white on the app bar's #1f3a5f is about 11:1).
/// </summary>
public static class ClaimsTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f99",
            PrimaryContrastText = "#ffffff",
            Secondary = "#8a4b08",
            SecondaryContrastText = "#ffffff",
            Tertiary = "#2e7d5b",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a15c00",
            WarningContrastText = "#ffffff",
            Error = "#b3261e",
            AppbarBackground = "#1f3a5f",
            AppbarText = "#ffffff",
            Background = "#f6f7f9",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2933",
            TextPrimary = "#1f2933",
            TextSecondary = "#4a5561",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab8e6",
            PrimaryContrastText = "#0b1a2a",
            Secondary = "#f0b46a",
            SecondaryContrastText = "#1f1300",
            Tertiary = "#7fd1a8",
            Info = "#90caf9",
            Success = "#81c784",
            Warning = "#ffb74d",
            WarningContrastText = "#1f1300",
            Error = "#f2b8b5",
            AppbarBackground = "#14263d",
            AppbarText = "#ffffff",
            Background = "#121619",
            Surface = "#1c2227",
            DrawerBackground = "#1c2227",
            DrawerText = "#e3e8ed",
            TextPrimary = "#e3e8ed",
            TextSecondary = "#b4bdc6",
        },
        // System fonts: the CSP admits no third-party font host, and none is needed.
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
