namespace UedaPublicGoals.Content.Media;

/// <summary>An uploaded image (PNG, JPEG or WebP, checked by content). Stored under a generated name.</summary>
public sealed class MediaItem
{
    public Guid Id { get; set; }

    /// <summary>Generated file name, e.g. 3f2a….webp; never the uploader's name.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The uploader's file name, for staff lists only.</summary>
    public string OriginalName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>Required: what the image shows, read by screen readers.</summary>
    public string AltText { get; set; } = "";

    public string UploadedBy { get; set; } = "";

    public DateTime UploadedUtc { get; set; }

    public DateTime? DeletedUtc { get; set; }
}
