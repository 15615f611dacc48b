using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClaimsTracker.Data;

/// <summary>Lets dotnet-ef build the model without starting the web app or a database.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ClaimsDbContext>
{
    public ClaimsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ClaimsDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=claims_design")
            .Options);
}
