namespace UedaPublicGoals.Content.Redirects;

/// <summary>An old public path that answers 301 to its new one after a slug change.</summary>
public sealed class Redirect
{
    public long Id { get; set; }

    /// <summary>Path as residents had it, e.g. /seisaku-kikaku/r6/koho/.</summary>
    public string FromPath { get; set; } = "";

    public string ToPath { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public string CreatedBy { get; set; } = "";
}
