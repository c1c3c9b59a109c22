using System.Text;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Routing;

/// <summary>Where a comment came from and what it says, as far as routing looks at it.</summary>
public sealed record CommentOrigin(Guid? GoalDocumentId = null, string? DepartmentSlug = null, string? Field = null, string? Text = null);

/// <summary>The consultation a comment lands in, and the rule that sent it there (null: the fallback caught it).</summary>
public sealed record RoutingDecision(Consultation Consultation, RoutingRule? Rule);

/// <summary>
/// Decides which consultation a comment belongs to, for every channel (web form, paper entry).
/// Enabled rules are tried by Order (then Id); the first whose every set condition matches wins,
/// unless its consultation is hidden or not open at the comment's received time, in which case
/// the next rule is tried. No rule: the fallback, i.e. the consultation whose form was used, or
/// the default consultation when there is no form (paper, or the /iken/ entry point).
/// </summary>
public sealed class CommentRouter(FeedbackDbContext db)
{
    public async Task<RoutingDecision> RouteAsync(CommentOrigin origin, int? fallbackConsultationId, DateTime receivedUtc, CancellationToken ct = default)
    {
        var rules = await db.RoutingRules.AsNoTracking().Where(r => r.IsEnabled).ToListAsync(ct);
        var consultations = await db.Consultations.AsNoTracking().ToListAsync(ct);
        return Decide(rules, consultations, origin, fallbackConsultationId, receivedUtc)
            ?? throw new InvalidOperationException("No consultation to route to: there is no default consultation.");
    }

    public static RoutingDecision? Decide(
        IEnumerable<RoutingRule> rules,
        IReadOnlyCollection<Consultation> consultations,
        CommentOrigin origin,
        int? fallbackConsultationId,
        DateTime receivedUtc)
    {
        foreach (var rule in rules.Where(r => r.IsEnabled).OrderBy(r => r.Order).ThenBy(r => r.Id))
        {
            if (!Matches(rule, origin))
            {
                continue;
            }

            var target = consultations.FirstOrDefault(c => c.Id == rule.ConsultationId);
            if (target is { IsPublic: true } && target.IsOpenAt(receivedUtc))
            {
                return new RoutingDecision(target, rule);
            }
        }

        var fallback = consultations.FirstOrDefault(c => c.Id == fallbackConsultationId)
            ?? consultations.FirstOrDefault(c => c.IsDefault);
        return fallback is null ? null : new RoutingDecision(fallback, null);
    }

    /// <summary>Every condition the rule sets must hold; a rule without conditions matches everything.</summary>
    public static bool Matches(RoutingRule rule, CommentOrigin origin)
    {
        if (rule.GoalDocumentId is { } goal && origin.GoalDocumentId != goal)
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(rule.DepartmentSlug)
            && !string.Equals(rule.DepartmentSlug.Trim(), origin.DepartmentSlug, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(rule.Field) && !string.Equals(rule.Field.Trim(), origin.Field?.Trim(), StringComparison.Ordinal))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(rule.Keyword)
            && !Fold(origin.Text ?? "").Contains(Fold(rule.Keyword.Trim()), StringComparison.Ordinal))
        {
            return false;
        }

        return true;
    }

    /// <summary>NFKC (full-width and half-width forms alike) and case-insensitive.</summary>
    private static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
}
