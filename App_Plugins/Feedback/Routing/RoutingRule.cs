namespace UedaPublicGoals.Feedback.Routing;

/// <summary>
/// Maps a comment's origin to a consultation. Rules are tried in Order; the first whose
/// every set condition matches wins; no match goes to the default consultation.
/// </summary>
public sealed class RoutingRule
{
    public int Id { get; set; }

    public int Order { get; set; }

    public string Name { get; set; } = "";

    public bool IsEnabled { get; set; } = true;

    /// <summary>Matches comments sent from this goal.</summary>
    public Guid? GoalDocumentId { get; set; }

    /// <summary>Matches comments sent from any goal of this department.</summary>
    public string? DepartmentSlug { get; set; }

    /// <summary>Matches comments whose chosen 分野 is this.</summary>
    public string? Field { get; set; }

    /// <summary>Matches comments whose text contains this keyword (NFKC, case-insensitive).</summary>
    public string? Keyword { get; set; }

    public int ConsultationId { get; set; }
}
