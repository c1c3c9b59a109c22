using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Backoffice;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Feedback;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Infrastructure.FeedbackHost;

/// <summary>Gives the feedback module the published goals from the in-memory read model.</summary>
public sealed class PublishedGoalLookup(PublishedContentCache cache) : IFeedbackGoalLookup
{
    public FeedbackGoal? Find(Guid documentId) => cache.Current.FindGoal(documentId) is { } goal ? ToFeedbackGoal(goal) : null;

    public IReadOnlyList<FeedbackGoal> All() =>
        cache.Current.Departments.SelectMany(d => d.Years).SelectMany(y => y.Goals).Select(ToFeedbackGoal).ToList();

    private static FeedbackGoal ToFeedbackGoal(PublishedGoal goal) =>
        new(goal.DocumentId, goal.Content.Title, goal.Department.Slug, goal.Department.Name, goal.Year.Label, goal.Url)
        {
            Initiatives = goal.Content.Initiatives.OrderBy(i => i.Number).Select(i => i.Title).ToList(),
            SuggestedField = goal.Content.CommentField,
        };
}

/// <summary>Writes the module's actions into the backoffice audit log.</summary>
public sealed class FeedbackAuditAdapter(AuditLog audit) : IFeedbackAudit
{
    public Task WriteAsync(string action, string? target, string? detail, CancellationToken ct = default) =>
        audit.WriteAsync(action, target, detail, ct: ct);
}

/// <summary>The enabled 総合計画担当 and 管理者 accounts, for the inbox's assignee choice.</summary>
public sealed class ConsultationStaffDirectory(UserManager<PortalUser> users) : IFeedbackStaffDirectory
{
    public async Task<IReadOnlyList<FeedbackStaffMember>> AssigneesAsync(CancellationToken ct = default)
    {
        var members = new List<PortalUser>();
        foreach (var role in new[] { BackofficeRoles.PlanningOfficer, BackofficeRoles.Administrator })
        {
            members.AddRange(await users.GetUsersInRoleAsync(role));
        }

        return members
            .Where(u => !u.IsDisabled && !string.IsNullOrEmpty(u.Email))
            .DistinctBy(u => u.Id)
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal).ThenBy(u => u.Email, StringComparer.Ordinal)
            .Select(u => new FeedbackStaffMember(u.Email!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName))
            .ToList();
    }
}

public static class FeedbackHostExtensions
{
    /// <summary>The feedback module, its contract filled in from the host's settings, plus the host services it asks for.</summary>
    public static WebApplicationBuilder AddFeedbackModule(this WebApplicationBuilder builder)
    {
        var database = builder.PortalDatabaseOptions();
        builder.AddFeedback(feedback =>
        {
            feedback.BackofficePath = BackofficeExtensions.PathPrefix + "/feedback";
            feedback.PublicLayout = "_Layout";
            feedback.BackofficeLayout = "_BackofficeLayout";
            feedback.DatabaseProvider = database.Provider == DatabaseProvider.Postgres ? FeedbackDatabaseProvider.Postgres : FeedbackDatabaseProvider.Sqlite;
            feedback.DatabaseConnectionString = database.ConnectionString ?? "";
        });

        // Posters and e-mail links use the site's public origin unless Feedback__PublicBaseUrl names another.
        builder.Services.AddOptions<FeedbackOptions>().Configure<IOptions<SiteOptions>>((feedback, site) =>
        {
            if (string.IsNullOrWhiteSpace(feedback.PublicBaseUrl))
            {
                // Never the request's Host header: the configured origin, else the address the site listens on.
                feedback.PublicBaseUrl = site.Value.PublicOrigin;
            }
        });
        builder.Services.AddSingleton<IFeedbackGoalLookup, PublishedGoalLookup>();
        builder.Services.AddScoped<IFeedbackAudit, FeedbackAuditAdapter>();
        builder.Services.AddScoped<IFeedbackStaffDirectory, ConsultationStaffDirectory>();
        return builder;
    }
}
