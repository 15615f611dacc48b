using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimsTracker.Data.Import;

/// <summary>How report files are read: camelCase, enums by name, missing or misspelt fields refused.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Numbers for enums would silently accept values that mean nothing ("qualifier": 42).
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };
}
