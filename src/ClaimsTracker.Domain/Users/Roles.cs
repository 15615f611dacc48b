namespace ClaimsTracker.Domain.Users;

/// <summary>The four roles. Each includes the rights of the ones before it, except as policies say.</summary>
public static class Roles
{
    public const string Analyst = "Analyst";
    public const string Editor = "Editor";
    public const string Reviewer = "Reviewer";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Analyst, Editor, Reviewer, Admin];
}
