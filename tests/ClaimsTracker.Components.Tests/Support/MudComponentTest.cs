using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ClaimsTracker.Components.Tests.Support;

/// <summary>
/// A bUnit context with MudBlazor's services, as a circuit would have them. MudBlazor registers
/// services that only dispose asynchronously, so the context is disposed through
/// <see cref="IAsyncLifetime"/> rather than <see cref="IDisposable"/>.
/// </summary>
public abstract class MudComponentTest : IAsyncLifetime
{
    protected MudComponentTest()
    {
        Context.Services.AddMudServices();
        // The app's reading of qualifiers, as registered at start-up.
        Context.Services.AddSingleton(new ClaimsTracker.Domain.Figures.Normalisation.NormalisationOptions());
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected BunitContext Context { get; } = new();

    /// <summary>Runs after the derived constructors have registered their services.</summary>
    public Task InitializeAsync()
    {
        // The pages load drafts only once interactive, as on a real circuit.
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
