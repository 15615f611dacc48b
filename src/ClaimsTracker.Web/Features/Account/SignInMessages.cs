namespace ClaimsTracker.Web.Features.Account;

/// <summary>What the sign-in form tells a user Identity refused, in words that match the cause.</summary>
public static class SignInMessages
{
    public const string LockedByAdministrator = "Your account is locked. Ask an administrator to unlock it.";

    /// <summary>
    /// Failed sign-ins lock an account for minutes; an administrator's lock never ends on its own.
    /// A lock running longer than a day can only be an administrator's.
    /// </summary>
    public static string Locked(DateTimeOffset? lockoutEnd, DateTimeOffset now)
    {
        if (lockoutEnd is not { } end || end - now > TimeSpan.FromDays(1))
        {
            return LockedByAdministrator;
        }

        var minutes = Math.Max(1, (int)Math.Ceiling((end - now).TotalMinutes));
        return $"Too many failed sign-ins: this account is locked for {minutes} more minute(s). Try again then.";
    }
}
