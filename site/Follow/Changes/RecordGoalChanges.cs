using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Follow.Changes;

/// <summary>
/// Stores what a publish changed for residents who follow goals (feeds, digests). It runs BEFORE the read model is
/// updated: the snapshot still holds the version the public saw, which is the "before" of the difference. The rows
/// are shared by every node, so only the node where the publish committed writes them (<see cref="ISharedStatePublishHandler"/>).
/// </summary>
public sealed class RecordGoalChanges(PublishedContentCache cache, IServiceScopeFactory scopes, TimeProvider clock, ILogger<RecordGoalChanges> logger) : ISharedStatePublishHandler
{
    public async Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken)
    {
        if (batch.DocumentIds.Count == 0)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var published = await (
            from document in db.Documents.AsNoTracking()
            join version in db.Versions.AsNoTracking() on new { document.Id, Number = document.PublishedVersion ?? 0 } equals new { Id = version.DocumentId, version.Number }
            where batch.DocumentIds.Contains(document.Id) && document.Kind == DocumentKind.Goal && document.DeletedUtc == null
            select new { document.Id, document.PublishedUtc, version.Number, version.Json })
            .ToListAsync(cancellationToken);

        foreach (var goal in published)
        {
            var seen = cache.Current.FindGoal(goal.Id);
            if (seen?.Version == goal.Number || await db.GoalChanges.AnyAsync(c => c.DocumentId == goal.Id && c.Version == goal.Number, cancellationToken))
            {
                continue; // nothing new for the public, or recorded already (a retried batch)
            }

            var content = ContentJson.Deserialize<GoalContent>(goal.Json);
            var utc = goal.PublishedUtc ?? clock.GetUtcNow().UtcDateTime;
            db.GoalChanges.AddRange(GoalChangeDiff.Between(seen?.Content, content).Select(change => new GoalChange
            {
                DocumentId = goal.Id,
                Version = goal.Number,
                Kind = change.Kind,
                Key = change.Key,
                Utc = utc,
                Title = change.Title,
                Summary = change.Summary,
                GoalTitle = content.Title,
            }));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // A retry or another batch naming the same goal recorded this version first: the rows are identical.
            logger.LogInformation(ex, "Goal changes of {Batch} were already recorded.", batch);
        }
    }
}
