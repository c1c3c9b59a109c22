using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Content.Media;

/// <summary>Bound from the "Media" section.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Where uploaded images are kept; relative paths resolve against the content root. Shared storage on a multi-node install.</summary>
    [Required]
    public string StoragePath { get; set; } = Path.Combine("App_Data", "media");

    public string ResolveStoragePath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, StoragePath));
}
