using Microsoft.AspNetCore.Identity;

namespace ClaimsTracker.Data.Identity;

public class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
