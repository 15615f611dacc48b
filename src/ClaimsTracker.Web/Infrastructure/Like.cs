namespace ClaimsTracker.Web.Infrastructure;

public static class Like
{
    /// <summary>Escapes LIKE wildcards so user text matches literally (escape character '\').</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
