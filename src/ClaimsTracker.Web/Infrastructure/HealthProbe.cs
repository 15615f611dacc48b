namespace ClaimsTracker.Web.Infrastructure;

/// <summary>
/// <c>dotnet ClaimsTracker.Web.dll --probe [url]</c>: asks a running instance's /alive and exits 0
/// when it answers 200. The container's HEALTHCHECK uses it, as the runtime image has no curl.
/// </summary>
public static class HealthProbe
{
    public const string Command = "--probe";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var url = args.Length > 1 ? args[1] : "http://127.0.0.1:8080/alive";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"{url}: {exception.Message}");
            return 1;
        }
    }
}
