using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Conflicts;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimsTracker.Web.Tests.Operations;

/// <summary>An app host on a database that another host may share.</summary>
public sealed class SharedDatabaseAppFactory(string connectionString) : ClaimsAppFactory(realServer: false, loadDemoData: false)
{
    public override Task InitializeAsync()
    {
        ConnectionString = connectionString;
        StartServer();
        return Task.CompletedTask;
    }
}

/// <summary>Three instances started at once on one empty database, as behind a load balancer.</summary>
public class SeveralInstancesTests
{
    [Fact]
    public async Task ThreeInstances_StartTogetherOnEmptyDatabase_ShareTokensAndNotifications()
    {
        var database = await TestDatabases.CreateEmptyAsync("instances");
        var instances = Enumerable.Range(0, 3).Select(_ => new SharedDatabaseAppFactory(database)).ToArray();
        try
        {
            // Start-up migrates under an advisory lock: nobody crashes on "already exists".
            await Task.WhenAll(instances.Select(instance => Task.Run(instance.InitializeAsync)));

            foreach (var instance in instances)
            {
                using var probe = instance.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health")).StatusCode);
            }

            // A token minted by the first instance is accepted by the others: one key ring in the database.
            using var first = FirstClient(instances[0]);
            var login = await first.PostAsJsonAsync("/api/v1/auth/login", new { email = "analyst@claims.test", password = ClaimsAppFactory.DemoPassword });
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            foreach (var instance in instances.Skip(1))
            {
                using var other = instance.CreateClient();
                other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/reports?take=1")).StatusCode);
            }

            // A NOTIFY sent through the first instance reaches the live-update hubs of the other two.
            var heard = new ConcurrentDictionary<int, string>();
            var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            for (var i = 1; i < instances.Length; i++)
            {
                var index = i;
                instances[i].Services.GetRequiredService<ConflictChangeHub>().Changed += payload =>
                {
                    if (payload == "three-instances" && heard.TryAdd(index, payload) && heard.Count == 2)
                    {
                        both.TrySetResult();
                    }
                };
            }

            var delivered = false;
            for (var attempt = 0; attempt < 20 && !delivered; attempt++)
            {
                // The listeners connect in the background; repeat until both have heard one.
                await using (var db = instances[0].CreateDbContext())
                {
                    await ConflictNotifications.NotifyAsync(db, "three-instances");
                }

                delivered = await Task.WhenAny(both.Task, Task.Delay(500)) == both.Task;
            }

            Assert.True(delivered, $"Heard by instances: {string.Join(", ", heard.Keys)}");
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static HttpClient FirstClient(ClaimsAppFactory instance) => instance.CreateClient();
}
