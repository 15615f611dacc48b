namespace ClaimsTracker.Data.Initialisation;

/// <summary>What start-up puts in the database besides the schema ("Initialisation" section).</summary>
public sealed class InitialisationOptions
{
    public bool LoadDemoData { get; set; }

    /// <summary>One user per role with <see cref="DemoPassword"/>; for development only.</summary>
    public bool CreateDemoUsers { get; set; }

    public string DemoPassword { get; set; } = "Demo-pass-2025";

    public static string DemoUserName(string role) => $"{role.ToLowerInvariant()}@claims.test";
}
