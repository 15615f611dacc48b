using System.Globalization;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Security;

/// <summary>Fills {report}, {claim}, {source}, {metric}, {figure} and {conflict} in a path with ids from the demo data.</summary>
public static class Ids
{
    public static async Task<string> ResolveAsync(ClaimsAppFactory app, string path)
    {
        if (!path.Contains('{', StringComparison.Ordinal))
        {
            return path;
        }

        await using var db = app.CreateDbContext();
        return path
            .Replace("{report}", (await db.Reports.OrderBy(r => r.Id).FirstAsync()).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{claim}", (await db.Claims.OrderBy(c => c.Id).FirstAsync()).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{source}", (await db.Sources.OrderBy(s => s.Id).FirstAsync()).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{metric}", (await db.Metrics.OrderBy(m => m.Id).FirstAsync()).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{figure}", (await db.Figures.OrderBy(f => f.Id).FirstAsync()).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{conflict}", (await db.Conflicts.OrderBy(c => c.Id).FirstAsync()).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
