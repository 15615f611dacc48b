namespace ClaimsTracker.Web.Components.Forms;

/// <summary>
/// The validation messages a service returned, read per field so each form control shows its own
/// under itself (MudBlazor's <c>Error</c>/<c>ErrorText</c>) instead of in a list far from the form.
/// </summary>
public static class FieldMessages
{
    public static bool Has(this IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var messages) && messages.Length > 0;

    public static string? Text(this IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;
}
