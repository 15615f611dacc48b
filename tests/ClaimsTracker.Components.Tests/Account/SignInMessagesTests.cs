using ClaimsTracker.Web.Features.Account;

namespace ClaimsTracker.Components.Tests.Account;

public class SignInMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Locked_ByAdministrator_SaysTheAccountIsLocked()
    {
        var message = SignInMessages.Locked(DateTimeOffset.MaxValue, Now);

        Assert.Equal(SignInMessages.LockedByAdministrator, message);
        Assert.DoesNotContain("failed", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Locked_AfterFailedSignIns_SaysForHowLong()
    {
        var message = SignInMessages.Locked(Now.AddMinutes(9.5), Now);

        Assert.Contains("failed sign-ins", message, StringComparison.Ordinal);
        Assert.Contains("10 more minute(s)", message, StringComparison.Ordinal);
    }
}
