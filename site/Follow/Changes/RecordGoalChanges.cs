using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Follow.Changes;

/// <summary>
/// Stores what a publish changed for residents who follow goals (feeds, digests): for every goal whose published
/// version moves in this commit, the difference between the version published before and the one published now.
/// The rows go into the publish's own transaction (<see cref="IPublishTransactionWriter"/>), so they exist exactly
/// when the publish does, written once by the node that publishes.
/// </summary>
public sealed class RecordGoalChanges(TimeProvider clock) : IPublishTransactionWriter
{
    public async Task AddRowsAsync(PortalDbContext db, PublishBatch batch, CancellationToken cancellationToken)
    {
        var moved = db.ChangeTracker.Entries<ContentDocument>()
            .Where(entry => entry.Entity is { Kind: DocumentKind.Goal, DeletedUtc: null, PublishedVersion: not null })
            .Select(entry => (Document: entry.Entity, Before: entry.State == EntityState.Added ? null : entry.Property(d => d.PublishedVersion).OriginalValue))
            .Where(goal => goal.Before != goal.Document.PublishedVersion)
            .ToList();
        foreach (var (document, before) in moved)
        {
            var number = document.PublishedVersion!.Value;

            // A version published before (a rollback to it) brought its changes then.
            if (before is not null && await db.GoalChanges.AnyAsync(c => c.DocumentId == document.Id && c.Version == number, cancellationToken))
            {
                continue;
            }

            var content = await ContentOfAsync(db, document.Id, number, cancellationToken);
            if (content is null)
            {
                continue;
            }

            var previous = before is { } earlier ? await ContentOfAsync(db, document.Id, earlier, cancellationToken) : null;
            var utc = document.PublishedUtc ?? clock.GetUtcNow().UtcDateTime;
            db.GoalChanges.AddRange(GoalChangeDiff.Between(previous, content).Select(change => new GoalChange
            {
                DocumentId = document.Id,
                Version = number,
                Kind = change.Kind,
                Key = change.Key,
                Utc = utc,
                Title = change.Title,
                Summary = change.Summary,
                GoalTitle = content.Title,
            }));
        }
    }

    /// <summary>A version's content: queued in this commit (save and publish in one step) or stored already.</summary>
    private static async Task<GoalContent?> ContentOfAsync(PortalDbContext db, Guid documentId, int number, CancellationToken ct)
    {
        var json = db.ChangeTracker.Entries<ContentVersion>()
            .Select(entry => entry.Entity)
            .FirstOrDefault(version => version.DocumentId == documentId && version.Number == number)?.Json
            ?? await db.Versions.AsNoTracking()
                .Where(version => version.DocumentId == documentId && version.Number == number)
                .Select(version => version.Json)
                .FirstOrDefaultAsync(ct);
        return json is null ? null : ContentJson.Deserialize<GoalContent>(json);
    }
}
