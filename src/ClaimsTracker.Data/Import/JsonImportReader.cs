using System.Text.Json;
using System.Text.RegularExpressions;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Data.Import;

/// <summary>
/// Reads an import file in the JSON format of docs/import.md. A file that is not JSON, or whose
/// sources cannot be read, is refused as a whole with the line and position; a report whose shape
/// is wrong becomes a failed item naming the field, and the other reports are still imported.
/// </summary>
public static partial class JsonImportReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static async Task<ImportReadResult> ReadAsync(Stream json, string fileName, CancellationToken cancellationToken = default)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(json, DocumentOptions, cancellationToken);
            return Read(document.RootElement, fileName);
        }
        catch (JsonException ex)
        {
            return NotJson(ex, fileName);
        }
    }

    public static ImportReadResult Read(string json, string fileName)
    {
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Read(document.RootElement, fileName);
        }
        catch (JsonException ex)
        {
            return NotJson(ex, fileName);
        }
    }

    private static ImportReadResult Read(JsonElement root, string fileName)
    {
        // A bare array of reports is accepted too: no sources to define is the common case.
        var reports = root;
        List<SourceRecord> sources = [];
        List<MetricRecord> metrics = [];
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (!property.NameEquals("reports") && !property.NameEquals("sources") && !property.NameEquals("metrics"))
                {
                    return ImportReadResult.Unreadable($"{fileName}: unknown top-level field '{property.Name}' (expected 'reports', and optionally 'sources' and 'metrics').");
                }
            }

            if (ReadList(root, "sources", fileName, sources, inSource: true) is { } badSources)
            {
                return badSources;
            }

            if (ReadList(root, "metrics", fileName, metrics, inSource: false) is { } badMetrics)
            {
                return badMetrics;
            }

            if (!root.TryGetProperty("reports", out reports))
            {
                return metrics.Count > 0
                    ? new ImportReadResult([ImportItem.DefinitionsOnly($"{fileName}: metrics", metrics)])
                    : ImportReadResult.Unreadable($"{fileName}: the 'reports' list is missing.");
            }
        }

        if (reports.ValueKind != JsonValueKind.Array)
        {
            return ImportReadResult.Unreadable($"{fileName}: 'reports' must be a list of reports.");
        }

        var items = new List<ImportItem>();
        foreach (var element in reports.EnumerateArray())
        {
            var label = $"reports[{items.Count}]";
            try
            {
                var record = element.Deserialize<ReportRecord>(ReportJson.Options) ?? throw new JsonException("A report cannot be null.");
                items.Add(new ImportItem(label, record) { Sources = sources, Metrics = metrics });
            }
            catch (JsonException ex)
            {
                items.Add(ImportItem.Invalid(label, Describe(ex), TitleOf(element)));
            }
        }

        if (items.Count == 0 && metrics.Count > 0)
        {
            items.Add(ImportItem.DefinitionsOnly($"{fileName}: metrics", metrics));
        }

        return new ImportReadResult(items);
    }

    /// <summary>Reads the optional list <paramref name="name"/>; a failure that refuses the whole file, or null.</summary>
    private static ImportReadResult? ReadList<T>(JsonElement root, string name, string fileName, List<T> into, bool inSource)
    {
        if (!root.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            return ImportReadResult.Unreadable($"{fileName}: '{name}' must be a list.");
        }

        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            try
            {
                into.Add(element.Deserialize<T>(ReportJson.Options) ?? throw new JsonException($"An entry of '{name}' cannot be null."));
            }
            catch (JsonException ex)
            {
                return ImportReadResult.Unreadable($"{fileName}: {name}[{index}]: {Describe(ex, inSource)}");
            }

            index++;
        }

        return null;
    }

    private static ImportReadResult NotJson(JsonException ex, string fileName) =>
        ImportReadResult.Unreadable(
            $"{fileName} is not valid JSON: line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {WithoutLocation(ex.Message)}");

    /// <summary>The serializer's complaint in the words of the format: which field, and what is wrong with it.</summary>
    private static string Describe(JsonException ex, bool inSource = false)
    {
        var field = ex.Path is null or "$" ? null : ex.Path.TrimStart('$', '.');
        var message = WithoutLocation(ex.Message);
        if (MissingPattern().Match(message) is { Success: true } missing)
        {
            return $"{Prefix(field)}missing required field(s): {missing.Groups[1].Value}";
        }

        if (UnmappedPattern().Match(message) is { Success: true } unmapped)
        {
            // The path already ends in the unknown field; name the object it sits in.
            var parent = field is null || !field.Contains('.', StringComparison.Ordinal) ? null : field[..field.LastIndexOf('.')];
            return $"{Prefix(parent)}unknown field '{unmapped.Groups[1].Value}'";
        }

        if (NullPattern().Match(message) is { Success: true } notNull)
        {
            return $"{field ?? JsonNamingPolicy.CamelCase.ConvertName(notNull.Groups[1].Value)} must not be null";
        }

        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return $"{field ?? "the item"} must be {Expected(field, inSource)}";
        }

        return $"{Prefix(field)}{message}";
    }

    /// <summary>The serializer names the object, not the field, so the field's name says what was expected.</summary>
    private static string Expected(string? field, bool inSource)
    {
        var name = field?[(field.LastIndexOf('.') + 1)..];
        return name switch
        {
            null => "an object",
            _ when name.EndsWith(']') => "an object",
            "qualifier" => $"one of {string.Join(", ", Enum.GetNames<Qualifier>())}",
            "kind" when inSource => $"one of {string.Join(", ", Enum.GetNames<SourceKind>())}",
            "kind" => $"one of {string.Join(", ", Enum.GetNames<TimeReferenceKind>())}",
            "publishedOn" or "statedOn" or "date" or "start" or "end" => "a date like 2025-01-12",
            "value" or "valueHigh" => "a number",
            "authors" or "claims" or "figures" or "aliases" => "a list",
            "time" => "an object",
            _ => "text",
        };
    }

    private static string Prefix(string? field) => field is null ? string.Empty : $"{field}: ";

    private static string? TitleOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
            ? title.GetString()
            : null;

    private static string WithoutLocation(string message) => LocationPattern().Replace(message, string.Empty).Trim();

    [GeneratedRegex(@"\s*(?:Path: \S*\s*\|?\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?|\s*Path: \S+\.?$")]
    private static partial Regex LocationPattern();

    [GeneratedRegex(@"missing required properties including: (.+?)\.?$")]
    private static partial Regex MissingPattern();

    [GeneratedRegex(@"The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedPattern();

    [GeneratedRegex(@"parameter '(\w+)' on type .* doesn't allow null")]
    private static partial Regex NullPattern();
}
