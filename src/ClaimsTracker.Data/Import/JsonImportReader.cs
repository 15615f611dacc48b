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

    private static readonly Dictionary<string, Type> Enums = new(StringComparer.Ordinal)
    {
        [nameof(Qualifier)] = typeof(Qualifier),
        [nameof(TimeReferenceKind)] = typeof(TimeReferenceKind),
        [nameof(SourceKind)] = typeof(SourceKind),
        [nameof(FigureKind)] = typeof(FigureKind),
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
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (property.NameEquals("reports") || property.NameEquals("sources"))
                {
                    continue;
                }

                return ImportReadResult.Unreadable(property.NameEquals("metrics")
                    ? $"{fileName}: metrics are not imported; define them in the app and name them by key in the figures."
                    : $"{fileName}: unknown top-level field '{property.Name}' (expected 'reports' and optionally 'sources').");
            }

            if (!root.TryGetProperty("reports", out reports))
            {
                return ImportReadResult.Unreadable($"{fileName}: the 'reports' list is missing.");
            }

            if (root.TryGetProperty("sources", out var sourceList) && sourceList.ValueKind != JsonValueKind.Null)
            {
                if (sourceList.ValueKind != JsonValueKind.Array)
                {
                    return ImportReadResult.Unreadable($"{fileName}: 'sources' must be a list.");
                }

                var index = 0;
                foreach (var element in sourceList.EnumerateArray())
                {
                    try
                    {
                        sources.Add(element.Deserialize<SourceRecord>(ReportJson.Options)
                            ?? throw new JsonException("A source cannot be null."));
                    }
                    catch (JsonException ex)
                    {
                        return ImportReadResult.Unreadable($"{fileName}: sources[{index}]: {Describe(ex)}");
                    }

                    index++;
                }
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
                items.Add(new ImportItem(label, record) { Sources = sources });
            }
            catch (JsonException ex)
            {
                items.Add(ImportItem.Invalid(label, Describe(ex), TitleOf(element)));
            }
        }

        return new ImportReadResult(items);
    }

    private static ImportReadResult NotJson(JsonException ex, string fileName) =>
        ImportReadResult.Unreadable(
            $"{fileName} is not valid JSON: line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {WithoutLocation(ex.Message)}");

    /// <summary>The serializer's complaint in the words of the format: which field, and what is wrong with it.</summary>
    private static string Describe(JsonException ex)
    {
        var field = ex.Path is null or "$" ? null : ex.Path.TrimStart('$', '.');
        var message = WithoutLocation(ex.Message);
        if (MissingPattern().Match(message) is { Success: true } missing)
        {
            return $"{Prefix(field)}missing required field(s): {missing.Groups[1].Value}";
        }

        if (UnmappedPattern().Match(message) is { Success: true } unmapped)
        {
            return $"{Prefix(field)}unknown field '{unmapped.Groups[1].Value}'";
        }

        if (NullPattern().Match(message) is { Success: true } notNull)
        {
            return $"{Prefix(field)}'{JsonNamingPolicy.CamelCase.ConvertName(notNull.Groups[1].Value)}' must not be null";
        }

        if (ConvertPattern().Match(message) is { Success: true } convert)
        {
            var type = convert.Groups[1].Value;
            var expected = Enums.TryGetValue(type, out var enumType) ? $"one of {string.Join(", ", Enum.GetNames(enumType))}"
                : type switch
                {
                    "DateOnly" => "a date like 2025-01-12",
                    "Decimal" or "Int32" => "a number",
                    "String" => "text",
                    "Boolean" => "true or false",
                    _ when type.StartsWith("List", StringComparison.Ordinal) => "a list",
                    _ => "an object",
                };
            return $"{field ?? "the report"} must be {expected}";
        }

        return $"{Prefix(field)}{message}";
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

    [GeneratedRegex(@"could not be converted to (?:System\.Nullable`1\[)?(?:[\w.]+\.)?(\w+(?:`1)?)")]
    private static partial Regex ConvertPattern();
}
