using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Feedback;

public enum FeedbackDatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The module's contract with its host, in one place. Bound from the "Feedback" section
/// (Feedback__PublicBaseUrl) and completed by the host in <c>builder.AddFeedback(feedback => …)</c>:
/// where the staff pages live, which layouts wrap the pages, and which database holds the
/// module's tables. The module reads none of the host's own settings.
/// </summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>
    /// Origin printed on posters and encoded in their QR code, e.g. https://goals.example.jp. The host
    /// defaults it to its own public origin; when still empty, the request's origin is used.
    /// </summary>
    [HttpOrigin]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Path of the staff inbox, given by the host (e.g. /backoffice/feedback); the other staff pages live below it.</summary>
    [Required]
    [RegularExpression("^(/[a-z0-9]+(-[a-z0-9]+)*)+$", ErrorMessage = "Feedback:BackofficePath must be a path such as /backoffice/feedback.")]
    public string BackofficePath { get; set; } = "";

    /// <summary>The host's layout for the resident pages (form, results, poster, privacy notice).</summary>
    [Required]
    public string PublicLayout { get; set; } = "";

    /// <summary>The host's layout for the staff pages (inbox, statistics, consultations, routing).</summary>
    [Required]
    public string BackofficeLayout { get; set; } = "";

    /// <summary>The host's database; the module keeps its own tables and migrations history there.</summary>
    public FeedbackDatabaseProvider DatabaseProvider { get; set; } = FeedbackDatabaseProvider.Sqlite;

    [Required]
    public string DatabaseConnectionString { get; set; } = "";
}
