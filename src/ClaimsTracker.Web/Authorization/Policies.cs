using ClaimsTracker.Domain.Users;
using Microsoft.AspNetCore.Authorization;

namespace ClaimsTracker.Web.Authorization;

/// <summary>Named policies used by pages ([Authorize(Policy = …)]), services and endpoints.</summary>
public static class Policies
{
    /// <summary>Browse and search claims: every signed-in role.</summary>
    public const string CanBrowse = nameof(CanBrowse);

    /// <summary>Enter and edit reports, claims, sources and metrics.</summary>
    public const string CanEdit = nameof(CanEdit);

    /// <summary>Resolve conflicts.</summary>
    public const string CanReview = nameof(CanReview);

    /// <summary>Manage users and roles.</summary>
    public const string CanAdminister = nameof(CanAdminister);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(CanBrowse, p => p.RequireRole(Roles.Analyst, Roles.Editor, Roles.Reviewer, Roles.Admin));
        options.AddPolicy(CanEdit, p => p.RequireRole(Roles.Editor, Roles.Admin));
        options.AddPolicy(CanReview, p => p.RequireRole(Roles.Reviewer, Roles.Admin));
        options.AddPolicy(CanAdminister, p => p.RequireRole(Roles.Admin));

        // Anything not marked otherwise needs a signed-in user with a role: anonymous visitors
        // reach the login page and nothing else.
        options.FallbackPolicy = options.GetPolicy(CanBrowse);
    }
}
