namespace ClaimsTracker.Web.Components.Forms;

/// <summary>
/// Unsaved form work of the signed-in user, so a refresh or a lost connection does not throw away
/// a pasted article or corrected proposals. Keys name the form (and the record it edits); the
/// store itself keeps each user's drafts apart.
/// </summary>
public interface IUserDraftStore
{
    Task<T?> LoadAsync<T>(string form) where T : class;

    Task SaveAsync<T>(string form, T draft) where T : class;

    Task ClearAsync(string form);
}
