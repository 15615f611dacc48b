namespace ClaimsTracker.Web.Features.Account;

public static class AccountPaths
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string AccessDenied = "/account/access-denied";
    public const string ChangePassword = "/account/password";
}
