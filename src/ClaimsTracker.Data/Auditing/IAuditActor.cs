namespace ClaimsTracker.Data.Auditing;

/// <summary>Who is making the change now; the web layer supplies the signed-in user.</summary>
public interface IAuditActor
{
    string Name { get; }
}

/// <summary>For start-up work, imports and tools: changes made by the system itself.</summary>
public sealed class SystemAuditActor(string name = "system") : IAuditActor
{
    public string Name { get; } = name;
}
