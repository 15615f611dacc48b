using ClaimsTracker.Data.Identity;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimsTracker.Testing;

/// <summary>
/// The app as it runs in Production: no demo users are created by the app there, so the test
/// arranges one user per role itself (through Identity, as an administrator would).
/// </summary>
public class ProductionAppFactory : ClaimsAppFactory
{
    protected virtual string EnvironmentName => "Production";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var role in Roles.All)
        {
            var name = InitialisationOptions.DemoUserName(role);
            if (await users.FindByNameAsync(name) is null)
            {
                var user = new AppUser { UserName = name, Email = name, EmailConfirmed = true, DisplayName = role };
                await users.CreateAsync(user, DemoPassword);
                await users.AddToRoleAsync(user, role);
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(EnvironmentName);
    }
}

/// <summary>The app as a developer runs it (the developer exception page is on).</summary>
public class DevelopmentAppFactory : ProductionAppFactory
{
    protected override string EnvironmentName => "Development";
}
