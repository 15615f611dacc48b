namespace ClaimsTracker.Domain.Sources;

public enum SourceKind
{
    Person,
    Organisation,
    Agency,
    Outlet,
    /// <summary>An unnamed speaker such as "a senior Ukrainian military official".</summary>
    Anonymous,
}
