using System.Text.Json.Nodes;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Users;

namespace ClaimsTracker.Web.Tests.Security;

/// <summary>One hostile request: where it goes, as whom, and the JSON it sends (placeholders filled in at run time).</summary>
public sealed record HostileRequest(string Name, string Method, string Path, string? Json, string Role);

/// <summary>
/// The table of hostile API input: every writable field of every write endpoint, and the text
/// filters of the reads, each with every kind of value PostgreSQL cannot store or the domain must
/// refuse. Placeholders filled in at run time: {report} and {conflict} in paths, {quote} in
/// bodies, and the numbers <see cref="MetricSentinel"/> and <see cref="VersionSentinel"/>.
/// </summary>
public static class HostileInputMatrix
{
    public const string HighSurrogate = "@@HIGH@@";
    public const string LowSurrogate = "@@LOW@@";
    public const string MetricSentinel = "424242001";
    public const string VersionSentinel = "424242002";

    /// <summary>Text no field may hold; the last one is one character past the field's limit.</summary>
    public static IEnumerable<(string Name, string Value)> BadText(int limit) =>
    [
        ("NUL", "a\0b"),
        ("escape", "a\u001Bb"),
        ("bell", "\u0007"),
        ("delete", "x\u007F"),
        ("C1 control", "x\u0085y"),
        ("lone high surrogate", "a" + HighSurrogate + "b"),
        ("lone low surrogate", LowSurrogate + "b"),
        ("over the limit", new string('x', limit + 1)),
    ];

    private static readonly string[] BadCounts = ["2147483648", "-2147483649", "1e40", "\"many\"", "[1]", "{}"];
    private static readonly string[] BadFigures = ["1e20", "-1e20", "1e40", "\"NaN\"", "true"];
    private static readonly string[] BadChoices = ["99", "-1", "\"Everything\"", "{}"];
    private static readonly string[] BadDates = ["\"2025-02-30\"", "\"2025-13-01\"", "\"yesterday\"", "20250101", "\"99999-01-01\""];

    private const string ReportBody = """{"title":"A report for the hostile matrix","outlet":"Matrix Wire","authors":"Tester","publishedOn":"2025-01-15","url":"https://example.org/matrix","language":"en","text":"Written for the test: officials said about 40 soldiers were captured.","saveDespiteDuplicates":true}""";
    private const string AcceptBody = """{"key":"k","quoteStart":0,"quoteEnd":10,"quote":"{quote}","source":"Matrix Source","sourceEvidence":"said","relayedVia":"Matrix Relay","summary":"A summary","figures":[{"include":true,"asWritten":"40","qualifier":"Exact","value":40,"kind":"Count","metricId":424242001,"metricEvidence":"soldiers","scope":"","time":{"kind":"Unknown","asWritten":"now"}}]}""";
    private const string ResolutionBody = """{"expectedVersion":424242002,"decision":"NeedsMoreInformation","rationale":"Asked the desk for the original statement."}""";

    public static IReadOnlyList<HostileRequest> All { get; } = Build();

    private static List<HostileRequest> Build()
    {
        var cases = new List<HostileRequest>();

        void Text(string endpoint, string method, string path, string body, string role, (string Field, int Limit)[] fields)
        {
            foreach (var (field, limit) in fields)
            {
                foreach (var (what, value) in BadText(limit))
                {
                    cases.Add(new($"{endpoint} {field}: {what}", method, path, With(body, field, JsonValue.Create(value)), role));
                }
            }
        }

        void Raw(string endpoint, string method, string path, string body, string role, string field, string[] tokens)
        {
            foreach (var token in tokens)
            {
                cases.Add(new($"{endpoint} {field}: {token}", method, path, With(body, field, JsonNode.Parse(token)), role));
            }
        }

        (string, int)[] reportText = [("title", Limits.Title), ("outlet", Limits.Name), ("authors", Limits.Title), ("url", Limits.Url), ("language", 16), ("text", Limits.ReportText)];
        Text("create report", "POST", "/api/v1/reports", ReportBody, Roles.Editor, reportText);
        Raw("create report", "POST", "/api/v1/reports", ReportBody, Roles.Editor, "publishedOn", BadDates);
        Raw("create report", "POST", "/api/v1/reports", ReportBody, Roles.Editor, "saveDespiteDuplicates", ["\"yes\"", "2"]);

        var update = $$"""{"expectedVersion":424242002,"report":{{ReportBody}}}""";
        Text("update report", "PUT", "/api/v1/reports/{report}", update, Roles.Editor, [.. reportText.Select(f => ("report." + f.Item1, f.Item2))]);
        Raw("update report", "PUT", "/api/v1/reports/{report}", update, Roles.Editor, "report.publishedOn", BadDates);
        Raw("update report", "PUT", "/api/v1/reports/{report}", update, Roles.Editor, "expectedVersion", BadCounts);

        const string accept = "/api/v1/reports/{report}/proposals/accept";
        Text("accept proposal", "POST", accept, AcceptBody, Roles.Editor,
        [
            ("key", Limits.Quote), ("quote", Limits.Quote), ("source", Limits.Name), ("sourceEvidence", Limits.Quote), ("relayedVia", Limits.Name),
            ("summary", Limits.Summary), ("figures[0].asWritten", Limits.AsWritten), ("figures[0].metricEvidence", Limits.Quote),
            ("figures[0].scope", Limits.Scope), ("figures[0].time.asWritten", Limits.AsWritten),
        ]);
        Raw("accept proposal", "POST", accept, AcceptBody, Roles.Editor, "figures[0].value", BadFigures);
        Raw("accept proposal", "POST", accept, AcceptBody, Roles.Editor, "figures[0].valueHigh", BadFigures);
        Raw("accept proposal", "POST", accept, AcceptBody, Roles.Editor, "figures[0].qualifier", BadChoices);
        Raw("accept proposal", "POST", accept, AcceptBody, Roles.Editor, "figures[0].kind", BadChoices);
        Raw("accept proposal", "POST", accept, AcceptBody, Roles.Editor, "figures[0].time.kind", BadChoices);
        Raw("accept proposal", "POST", accept, AcceptBody, Roles.Editor, "figures[0].date", BadDates);
        Raw("accept proposal", "POST", accept, AcceptBody, Roles.Editor, "figures[0].metricId", BadCounts);
        Raw("accept proposal", "POST", accept, AcceptBody, Roles.Editor, "quoteStart", BadCounts);
        Raw("accept proposal", "POST", accept, AcceptBody, Roles.Editor, "quoteEnd", BadCounts);
        Raw("accept proposal", "POST", accept, AcceptBody, Roles.Editor, "confidence", ["1e400", "\"high\""]);
        Raw("accept proposal", "POST", accept, AcceptBody, Roles.Editor, "figures", ["null", "[null]", "\"x\"", "[{\"asWritten\":null}]"]);

        const string resolve = "/api/v1/conflicts/{conflict}/resolution";
        Text("resolve conflict", "POST", resolve, ResolutionBody, Roles.Reviewer, [("rationale", Limits.Rationale)]);
        Raw("resolve conflict", "POST", resolve, ResolutionBody, Roles.Reviewer, "rationale", ["\"\\u200B\\u200B\"", "\"\\u00A0 \\u2060\"", "\"\\uFEFF\"", "null", "42"]);
        Raw("resolve conflict", "POST", resolve, ResolutionBody, Roles.Reviewer, "decision", BadChoices);
        Raw("resolve conflict", "POST", resolve, ResolutionBody, Roles.Reviewer, "dismissalReason", BadChoices);
        Raw("resolve conflict", "POST", resolve, ResolutionBody, Roles.Reviewer, "preferredFigureId", BadCounts);
        Raw("resolve conflict", "POST", resolve, ResolutionBody, Roles.Reviewer, "expectedVersion", BadCounts);

        const string login = """{"email":"analyst@claims.test","password":"wrong-password-1"}""";
        Text("sign in", "POST", "/api/v1/auth/login", login, "", [("email", Limits.Name), ("password", Limits.Name)]);
        Text("refresh", "POST", "/api/v1/auth/refresh", """{"refreshToken":"x"}""", "", [("refreshToken", Limits.Quote)]);

        // Reads: text filters and choices in the query string, including the streamed CSV exports.
        foreach (var (path, parameter) in new[]
                 {
                     ("/api/v1/reports", "search"), ("/api/v1/sources", "search"), ("/api/v1/sources/lookup", "name"),
                     ("/api/v1/claims", "source"), ("/api/v1/figures", "source"), ("/api/v1/exports/figures.csv", "source"),
                     ("/api/v1/exports/figures.json", "source"),
                 })
        {
            foreach (var (what, value) in new[] { ("NUL", "%00"), ("escape", "%1B"), ("over the limit", new string('q', Limits.Title + 1)) })
            {
                cases.Add(new($"GET {path} {parameter}: {what}", "GET", $"{path}?{parameter}=a{value}", null, Roles.Analyst));
            }
        }

        foreach (var path in new[] { "/api/v1/conflicts?status=99", "/api/v1/conflicts?kind=99", "/api/v1/claims?kind=99", "/api/v1/conflicts/export.csv?status=99",
                     "/api/v1/claims?take=99999999999", "/api/v1/claims?from=2025-02-30", "/api/v1/reports?skip=abc", "/api/v1/conflicts?metricId=1e9" })
        {
            cases.Add(new($"GET {path}", "GET", path, null, Roles.Analyst));
        }

        return cases;
    }

    /// <summary>The body with one field (a dotted path, "figures[0].value") replaced.</summary>
    private static string With(string body, string path, JsonNode? value)
    {
        var root = JsonNode.Parse(body)!;
        JsonNode node = root;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            node = Step(node, part)!;
        }

        var last = parts[^1];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            var index = int.Parse(last[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            node[last[..bracket]]![index] = value;
        }
        else
        {
            node[last] = value;
        }

        return root.ToJsonString();
    }

    private static JsonNode? Step(JsonNode node, string part)
    {
        var bracket = part.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0
            ? node[part]
            : node[part[..bracket]]![int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)];
    }
}
