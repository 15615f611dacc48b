using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Conflicts;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimsTracker.Web.Tests.Conflicts;

public class ConflictChangeListenerTests
{
    [Fact]
    public async Task Listener_NotificationFromAnotherConnection_ReachesTheHub()
    {
        var connectionString = await TestDatabases.CreateAsync("listener");
        var contexts = new TestContextFactory(connectionString);
        var hub = new ConflictChangeHub();
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Changed += payload => heard.TrySetResult(payload);
        using var listener = new ConflictChangeListener(connectionString, hub, NullLogger<ConflictChangeListener>.Instance);
        await listener.StartAsync(CancellationToken.None);

        // The listener subscribes asynchronously; keep announcing until it hears one.
        await using var db = contexts.CreateDbContext();
        for (var attempt = 0; attempt < 50 && !heard.Task.IsCompleted; attempt++)
        {
            await ConflictNotifications.NotifyAsync(db, "resolved:42");
            await Task.WhenAny(heard.Task, Task.Delay(100));
        }

        await listener.StopAsync(CancellationToken.None);
        Assert.True(heard.Task.IsCompleted, "No notification reached the hub.");
        Assert.Equal("resolved:42", await heard.Task);
    }
}
