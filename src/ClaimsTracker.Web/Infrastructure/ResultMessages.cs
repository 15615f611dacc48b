using ClaimsTracker.Domain.Common;

namespace ClaimsTracker.Web.Infrastructure;

/// <summary>
/// The one mapping from a use case's failure to what a page shows: a sentence for the banner, and
/// the field messages to put beside the inputs (empty unless the input was invalid).
/// </summary>
public static class ResultMessages
{
    public static string Summary(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Status switch
        {
            ResultStatus.Invalid => "Please correct the fields marked below; nothing was saved.",
            ResultStatus.NotFound => "It no longer exists; someone may have deleted it.",
            ResultStatus.Forbidden => "Your role does not allow this change.",
            _ => failure.Message ?? "Someone else changed this meanwhile. Reload to see their version; nothing was saved.",
        };
    }

    /// <summary>Field name → messages; every message once, for a list under the form when a field has no place.</summary>
    public static IReadOnlyDictionary<string, string[]> Fields(Failure? failure) =>
        failure?.Errors ?? new Dictionary<string, string[]>();

    /// <summary>The version a stale save found stored ("currentVersion"), to start a retry from; null when the failure has none.</summary>
    public static uint? CurrentVersion(Failure? failure) =>
        failure is not null && failure.Extensions.TryGetValue("currentVersion", out var version) && version is uint current ? current : null;
}
