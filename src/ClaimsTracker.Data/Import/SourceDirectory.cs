using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Data.Import;

/// <summary>
/// The stored sources of an import, read once (untracked) and looked up by name key, so each name a report
/// gives costs one dictionary look-up instead of a pass over every source. A stored source joins the batch's context
/// only when a report uses it; sources the batch creates are added as their reports are built. The importer keeps the
/// directory from batch to batch while <see cref="FingerprintAsync"/> says nobody else changed a source or alias.
/// </summary>
internal sealed class SourceDirectory
{
    private readonly Dictionary<string, Source> byKey = new(StringComparer.Ordinal);

    // An outlet this batch created has no id yet, so for the duplicate rule it stands in with a negative number of its own.
    private readonly Dictionary<Source, int> provisionalIds = new(ReferenceEqualityComparer.Instance);

    private SourceDirectory()
    {
    }

    public static async Task<SourceDirectory> LoadAsync(ClaimsDbContext db, CancellationToken cancellationToken)
    {
        var directory = new SourceDirectory();
        var stored = await db.Sources.AsNoTracking().Include(s => s.Aliases).ToListAsync(cancellationToken);
        foreach (var source in stored)
        {
            directory.Index(source);
        }

        return directory;
    }

    /// <summary>
    /// A value that changes whenever a source or alias is added, changed or removed: the row counts and the sum of the
    /// rows' transaction ids (<c>xmin</c>, which every insert and update sets). Two small scans, instead of reading every
    /// source and alias into objects for each batch (0.6 s a batch at 5,000 sources).
    /// </summary>
    public static async Task<SourcesFingerprint> FingerprintAsync(ClaimsDbContext db, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<SourcesFingerprint>($"""
                SELECT (SELECT count(*) FROM "Sources") AS "Sources",
                       (SELECT coalesce(sum(xmin::text::bigint), 0) FROM "Sources")::bigint AS "SourceVersions",
                       (SELECT count(*) FROM "SourceAliases") AS "Aliases",
                       (SELECT coalesce(sum(xmin::text::bigint), 0) FROM "SourceAliases")::bigint AS "AliasVersions"
                """)
            .ToListAsync(cancellationToken))[0];

    /// <summary>What the duplicate rule compares of a record: its outlet by id when the outlet is known.</summary>
    public ReportIdentity Identity(ReportRecord record)
    {
        var outlet = Find(record.Outlet);
        int? outletId = outlet is null ? null : outlet.Id != 0 ? outlet.Id : provisionalIds[outlet];
        return new ReportIdentity(record.Url, record.Title, outletId, record.PublishedOn, record.Text);
    }

    /// <summary>
    /// A known source by name or alias (among those stored, those earlier reports of the batch created and those this
    /// report created); else a new one, as the file defines it or with the given kind, stored with the report that names it.
    /// A stored source joins <paramref name="trackIn"/> when the report is saved through that context; a batch written by
    /// COPY (null) needs only the source's id, and attaching every source a batch names cost more than the look-up.
    /// </summary>
    public Source FindOrCreate(ClaimsDbContext? trackIn, List<Source> created, IReadOnlyList<SourceRecord> definitions, string name, SourceKind kind)
    {
        if ((Find(name) ?? created.FirstOrDefault(s => s.IsKnownAs(name))) is { } known)
        {
            return Use(trackIn, known);
        }

        var key = NameKey.From(name);
        var definition = definitions.FirstOrDefault(d => NameKey.From(d.Name) == key || (d.Aliases ?? []).Any(a => NameKey.From(a) == key));
        if (definition is not null && (Find(definition.Name) ?? created.FirstOrDefault(s => s.IsKnownAs(definition.Name))) is { } defined)
        {
            return Use(trackIn, defined);
        }

        var made = Source.Create(new SourceDetails
        {
            Name = definition?.Name ?? name,
            Kind = definition?.Kind ?? kind,
            Affiliation = definition?.Affiliation,
            Description = definition?.Description,
            Aliases = [.. definition?.Aliases ?? [], name],
        });
        var source = made.IsSuccess
            ? made.Value
            : throw new InvalidOperationException($"source '{name}': {string.Join(" ", made.Errors.SelectMany(e => e.Value))}");

        created.Add(source);
        return source;
    }

    /// <summary>Sources a report created, once the report is built: later reports of the batch find them.</summary>
    public void Add(IEnumerable<Source> created)
    {
        foreach (var source in created)
        {
            provisionalIds[source] = -1 - provisionalIds.Count;
            Index(source);
        }
    }

    private Source? Find(string name) => byKey.GetValueOrDefault(NameKey.From(name));

    private void Index(Source source)
    {
        byKey.TryAdd(NameKey.From(source.Name), source);
        foreach (var alias in source.Aliases)
        {
            byKey.TryAdd(alias.NameKey, source);
        }
    }

    /// <summary>A stored source is tracked (unchanged) so the new claims refer to it instead of inserting it again.</summary>
    private static Source Use(ClaimsDbContext? db, Source source)
    {
        if (db is not null && source.Id != 0 && db.Entry(source).State == EntityState.Detached)
        {
            db.Sources.Attach(source);
        }

        return source;
    }
}

/// <summary>See <see cref="SourceDirectory.FingerprintAsync"/>.</summary>
internal sealed record SourcesFingerprint(long Sources, long SourceVersions, long Aliases, long AliasVersions);
