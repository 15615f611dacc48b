using System.Security.Claims;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.DemoData;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimsTracker.Testing;

/// <summary>
/// A fresh database with the demo data and its conflicts detected, plus the real authorization
/// policies, for testing the services that change data without starting the web host.
/// </summary>
public sealed class DemoDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private DemoDatabase(TestContextFactory contexts, ConflictDetectionService detection, ServiceProvider services)
    {
        (Contexts, Detection, this.services) = (contexts, detection, services);
        Authorization = services.GetRequiredService<IAuthorizationService>();
    }

    public TestContextFactory Contexts { get; }
    public ConflictDetectionService Detection { get; }
    public IAuthorizationService Authorization { get; }
    public NormalisationOptions Normalisation { get; } = new();

    public static async Task<DemoDatabase> CreateAsync(string purpose)
    {
        var contexts = await TestContextFactory.CreateAsync(purpose);
        await new DemoDataLoader(contexts, new NormalisationOptions()).LoadAsync(DemoDataLoader.ReadEmbedded());
        var detection = new ConflictDetectionService(contexts, new ConflictDetector(new DetectionOptions()), NullLogger<ConflictDetectionService>.Instance);
        await detection.DetectAllAsync();
        return new DemoDatabase(contexts, detection, new ServiceCollection().AddLogging().AddAuthorization(Policies.Add).BuildServiceProvider());
    }

    /// <summary>A signed-in user of one role, named like the demo users unless named otherwise.</summary>
    public static ClaimsPrincipal User(string role, string? name = null) =>
        new(new ClaimsIdentity([new(ClaimTypes.Name, name ?? $"{role.ToLowerInvariant()}@claims.test"), new(ClaimTypes.Role, role)], "test"));

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
