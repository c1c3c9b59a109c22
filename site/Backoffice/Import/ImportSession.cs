namespace UedaPublicGoals.Backoffice.Import;

/// <summary>
/// An uploaded file's parse, kept on the server between the preview and the confirmation, so the
/// file is not sent twice and what is confirmed is exactly what was previewed. Bound to the user
/// who uploaded it; expires after <see cref="SheetImporter.SessionLifetime"/>; removed on confirm.
/// </summary>
public sealed class ImportSession
{
    public Guid Id { get; set; }

    /// <summary>The uploading user's id; nobody else can open or confirm it.</summary>
    public string UserId { get; set; } = "";

    public string FileName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    /// <summary>The parsed sheets (JSON of <see cref="ParsedGoalSheet"/>s).</summary>
    public string Json { get; set; } = "";
}
