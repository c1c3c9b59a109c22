using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Content.Media;

/// <summary>Bound from the "Media" section.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Where uploaded images are kept; relative paths resolve against the content root. Shared storage on a multi-node install.</summary>
    [Required]
    public string StoragePath { get; set; } = Path.Combine("App_Data", "media");

    /// <summary>
    /// How many images one user may upload in any hour (counted from the Media table, so the limit holds
    /// across nodes; images moved to the recycle bin still count).
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Media:UploadsPerHour must be between 1 and 100000.")]
    public int UploadsPerHour { get; set; } = 60;

    /// <summary>
    /// The most bytes of stored images one user may have (re-encoded sizes, counted from the Media table).
    /// Images in the recycle bin count until the bin is emptied, since their files are still on disk.
    /// </summary>
    [Range(typeof(long), "1", "1099511627776", ErrorMessage = "Media:QuotaBytesPerUser must be between 1 byte and 1 TB.")]
    public long QuotaBytesPerUser { get; set; } = 200L * 1024 * 1024;

    public string ResolveStoragePath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, StoragePath));
}
