using ClaimsTracker.Domain.Common;

namespace ClaimsTracker.Domain.Sources;

/// <summary>Who a statement comes from: a person, an agency, an outlet or an unnamed official.</summary>
public class Source : IVersioned
{
    public int Id { get; set; }
    /// <summary>Stored cleaned (<see cref="NameKey.Clean"/>), whoever sets it: form, import or merge.</summary>
    public required string Name
    {
        get => name;
        set => name = NameKey.Clean(value);
    }
    public SourceKind Kind { get; set; }

    /// <summary>Country or side the source speaks for, e.g. "Ukraine", "United States".</summary>
    public string? Affiliation { get; set; }

    public string? Description { get; set; }

    /// <summary>Other spellings and names (Zelenskyy, SSU, Security Service of Ukraine).</summary>
    public List<SourceAlias> Aliases { get; set; } = [];

    public uint Version { get; set; }

    private string name = string.Empty;

    /// <summary>Adds an alias unless the name or an existing alias already matches it.</summary>
    public bool AddAlias(string alias)
    {
        var key = NameKey.From(alias);
        if (key.Length == 0 || NameKey.From(Name) == key || Aliases.Any(a => a.NameKey == key))
        {
            return false;
        }

        Aliases.Add(new SourceAlias { Name = NameKey.Clean(alias), NameKey = key });
        return true;
    }

    /// <summary>True when <paramref name="name"/> is this source's name or one of its aliases.</summary>
    public bool IsKnownAs(string name)
    {
        var key = NameKey.From(name);
        return NameKey.From(Name) == key || Aliases.Any(a => a.NameKey == key);
    }
}
