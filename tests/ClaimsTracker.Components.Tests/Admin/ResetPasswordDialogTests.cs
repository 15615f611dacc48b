using ClaimsTracker.Components.Tests.Support;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Web.Features.Admin;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ClaimsTracker.Components.Tests.Admin;

public class ResetPasswordDialogTests : MudComponentTest
{
    [Fact]
    public async Task Set_PasswordRefused_ShowsTheRuleUnderTheFieldAndStaysOpen()
    {
        var (provider, dialog) = await OpenAsync(_ => Task.FromResult<Result>(Result.Invalid(UserAdministration.Fields.NewPassword, "Passwords must have at least one digit ('0'-'9').")));

        provider.Find("input[name=resetPassword]").Input("Nodigits-here");
        provider.Find("[data-testid=reset-password-confirm]").Click();

        var field = provider.Find("input[name=resetPassword]");
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains("at least one digit", field.Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Set_PasswordAccepted_ClosesWithTheTypedPasswordSent()
    {
        string? sent = null;
        var (provider, dialog) = await OpenAsync(password =>
        {
            sent = password;
            return Task.FromResult(Result.Success());
        });

        provider.Find("input[name=resetPassword]").Input("Brand-new-pass-1");
        provider.Find("[data-testid=reset-password-confirm]").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result!.Canceled);
        Assert.Equal("Brand-new-pass-1", sent);
    }

    [Fact]
    public async Task Dialog_PasswordInput_HasALinkedLabel()
    {
        var (provider, _) = await OpenAsync(_ => Task.FromResult(Result.Success()));

        var input = provider.Find("input[name=resetPassword]");
        Assert.Single(provider.FindAll($"label[for='{input.Id}']"));
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync(Func<string?, Task<Result>> reset)
    {
        Context.Render<MudPopoverProvider>();
        var provider = Context.Render<MudDialogProvider>();
        var dialogs = Context.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ResetPasswordDialog>
        {
            { d => d.Email, "editor@claims.test" },
            { d => d.Reset, reset },
        };
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<ResetPasswordDialog>("Reset password", parameters));
        return (provider, dialog);
    }
}
