using System.Net.Http.Headers;
using System.Text;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Security;

/// <summary>
/// Every case of <see cref="HostileInputMatrix"/> against the app in one environment: a 4xx answer
/// (never a 5xx, also where the framework would throw in Development) and not one row written.
/// </summary>
public abstract class HostileApiTests<TFactory>(TFactory app) where TFactory : ClaimsAppFactory
{
#pragma warning disable CA1000 // xunit reads a theory's data from a static member of the (generic) test class
    public static TheoryData<string> Cases => new(HostileInputMatrix.All.Select(c => c.Name));
#pragma warning restore CA1000

    private static readonly Dictionary<string, HttpClient> Clients = [];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileRequest_Gets4xxAndWritesNothing(string name)
    {
        var request = HostileInputMatrix.All.Single(c => c.Name == name);
        var (reportId, quote, metricId, conflictId, reportVersion, conflictVersion) = await TargetsAsync();
        var client = await ClientAsync(request.Role);
        var path = request.Path.Replace("{report}", reportId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{conflict}", conflictId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var before = await SnapshotAsync();

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), path);
        if (request.Json is { } json)
        {
            var version = request.Path.Contains("{conflict}", StringComparison.Ordinal) ? conflictVersion : reportVersion;
            json = json.Replace("{quote}", quote, StringComparison.Ordinal)
                .Replace(HostileInputMatrix.MetricSentinel, metricId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace(HostileInputMatrix.VersionSentinel, version.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace(HostileInputMatrix.HighSurrogate, "\\ud800", StringComparison.Ordinal)
                .Replace(HostileInputMatrix.LowSurrogate, "\\udc00", StringComparison.Ordinal);
            message.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(message);
        var status = (int)response.StatusCode;

        Assert.True(status is >= 400 and < 500, $"{name}: {status} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<HttpClient> ClientAsync(string role)
    {
        var key = typeof(TFactory).Name + role;
        lock (Clients)
        {
            if (Clients.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var client = await ApiClient.ForRoleAsync(app, role.Length == 0 ? null : role);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        lock (Clients)
        {
            Clients[key] = client;
        }

        return client;
    }

    private async Task<(int ReportId, string Quote, int MetricId, int ConflictId, uint ReportVersion, uint ConflictVersion)> TargetsAsync()
    {
        await using var db = app.CreateDbContext();
        var report = await db.Reports.AsNoTracking().OrderBy(r => r.Id).FirstAsync();
        var metric = await db.Metrics.AsNoTracking().FirstAsync(m => m.Key == "nk-killed");
        var conflict = await db.Conflicts.AsNoTracking().OrderBy(c => c.Id).FirstAsync();
        return (report.Id, report.Text[..10], metric.Id, conflict.Id, report.Version, conflict.Version);
    }

    /// <summary>Row counts and the audit trail's length: any write at all changes one of them.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = app.CreateDbContext();
        return string.Join(",",
            await db.Reports.CountAsync(), await db.Sources.CountAsync(), await db.SourceAliases.CountAsync(), await db.Claims.CountAsync(),
            await db.Figures.CountAsync(), await db.Metrics.CountAsync(), await db.AuditEntries.CountAsync(),
            await db.Conflicts.CountAsync(c => c.ResolvedBy != null));
    }
}

public sealed class HostileApiInProductionTests(ProductionAppFactory app) : HostileApiTests<ProductionAppFactory>(app), IClassFixture<ProductionAppFactory>;

public sealed class HostileApiInDevelopmentTests(DevelopmentAppFactory app) : HostileApiTests<DevelopmentAppFactory>(app), IClassFixture<DevelopmentAppFactory>;
