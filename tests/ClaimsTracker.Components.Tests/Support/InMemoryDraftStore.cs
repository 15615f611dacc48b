using System.Collections.Concurrent;
using System.Text.Json;
using ClaimsTracker.Web.Components.Forms;

namespace ClaimsTracker.Components.Tests.Support;

/// <summary>
/// The draft store without a browser: drafts are kept as JSON, as the browser store keeps them,
/// so a draft that would not survive serialisation fails here too.
/// </summary>
public sealed class InMemoryDraftStore : IUserDraftStore
{
    private readonly ConcurrentDictionary<string, string> drafts = new();

    public IReadOnlyCollection<string> Forms => drafts.Keys.ToList();

    public Task<T?> LoadAsync<T>(string form) where T : class =>
        Task.FromResult(drafts.TryGetValue(form, out var json) ? JsonSerializer.Deserialize<T>(json) : null);

    public Task SaveAsync<T>(string form, T draft) where T : class
    {
        drafts[form] = JsonSerializer.Serialize(draft);
        return Task.CompletedTask;
    }

    public Task ClearAsync(string form)
    {
        drafts.TryRemove(form, out _);
        return Task.CompletedTask;
    }

    public T? Peek<T>(string form) where T : class =>
        drafts.TryGetValue(form, out var json) ? JsonSerializer.Deserialize<T>(json) : null;
}
