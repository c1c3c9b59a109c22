using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Feedback.Follow;
using UedaPublicGoals.Follow.Changes;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Follow;

/// <summary>One thing that happened to a followed topic. <see cref="Id"/> is stable: the Atom entry id is made from it.</summary>
public sealed record FollowUpdate(string Id, string Title, string Summary, DateTime Utc, string Url);

/// <summary>A topic as residents see it: its name and its page.</summary>
public sealed record FollowedThing(FollowTopic Topic, string Title, string PageUrl);

/// <summary>
/// The one place that says what happened to a topic: feeds and daily digests both read it. Goals from the changes
/// recorded at publish time (<see cref="RecordGoalChanges"/>), consultations from their dates, the comments their
/// results page shows and the audit log's record of when each went on it.
/// </summary>
public sealed class FollowUpdates(PortalDbContext db, PublishedContentCache cache, ConsultationFollowSource consultations, IOptions<SiteOptions> site, TimeProvider clock)
{
    private static readonly GoalChangeKind[] SiteKinds = [GoalChangeKind.Published, GoalChangeKind.Updated];
    private static readonly GoalChangeKind[] GoalKinds = [GoalChangeKind.Published, GoalChangeKind.Report, GoalChangeKind.Kpi];

    /// <summary>The topic, or null when it names nothing public (an unpublished goal, an unknown consultation).</summary>
    public async Task<FollowedThing?> DescribeAsync(FollowTopic topic, CancellationToken ct = default) => topic.Kind switch
    {
        FollowTopicKind.Goal => cache.Current.FindGoal(topic.GoalId) is { } goal
            ? new FollowedThing(topic, $"重点目標「{goal.Content.Title}」", goal.Url)
            : null,
        FollowTopicKind.Consultation => await consultations.FindAsync(topic.ConsultationSlug, ct) is { } consultation
            ? new FollowedThing(topic, $"「{consultation.Title}」", consultation.FormUrl)
            : null,
        _ => new FollowedThing(topic, site.Value.Name, "/"),
    };

    /// <summary>Updates after <paramref name="afterUtc"/> (all when null) up to <paramref name="untilUtc"/>, newest first.</summary>
    public async Task<IReadOnlyList<FollowUpdate>> ListAsync(FollowTopic topic, DateTime? afterUtc, DateTime untilUtc, int max, CancellationToken ct = default)
    {
        var updates = topic.Kind == FollowTopicKind.Consultation
            ? await ConsultationUpdatesAsync(topic.ConsultationSlug, ct)
            : await GoalUpdatesAsync(topic, afterUtc, untilUtc, max, ct);
        return updates.Where(u => (afterUtc is null || u.Utc > afterUtc) && u.Utc <= untilUtc)
            .OrderByDescending(u => u.Utc).ThenByDescending(u => u.Id, StringComparer.Ordinal)
            .Take(max).ToList();
    }

    private async Task<IReadOnlyList<FollowUpdate>> GoalUpdatesAsync(FollowTopic topic, DateTime? afterUtc, DateTime untilUtc, int max, CancellationToken ct)
    {
        var query = db.GoalChanges.AsNoTracking().Where(c => c.Utc <= untilUtc);
        query = topic.Kind == FollowTopicKind.Goal
            ? query.Where(c => c.DocumentId == topic.GoalId && GoalKinds.Contains(c.Kind))
            : query.Where(c => SiteKinds.Contains(c.Kind));
        if (afterUtc is { } after)
        {
            query = query.Where(c => c.Utc > after);
        }

        var rows = await query.OrderByDescending(c => c.Utc).ThenByDescending(c => c.Id).Take(max * 2).ToListAsync(ct);
        var published = cache.Current;
        // Only goals the public can read now: an unpublished goal's history is not advertised.
        return rows.Select(c => (Change: c, Goal: published.FindGoal(c.DocumentId)))
            .Where(x => x.Goal is not null)
            .Select(x => new FollowUpdate($"goal/{x.Change.DocumentId:D}/v{x.Change.Version}/{x.Change.Key}", x.Change.Title, x.Change.Summary, x.Change.Utc, x.Goal!.Url))
            .ToList();
    }

    private async Task<IReadOnlyList<FollowUpdate>> ConsultationUpdatesAsync(string slug, CancellationToken ct)
    {
        var consultation = await consultations.FindAsync(slug, ct);
        if (consultation is null)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var updates = new List<FollowUpdate>();
        if (consultation.OpensUtc <= now)
        {
            updates.Add(new FollowUpdate($"iken/{slug}/opened", $"{consultation.Title}：意見の募集を始めました",
                $"{TokyoTime.LongDate(consultation.OpensUtc)}から意見を受け付けています{(consultation.ClosesUtc is { } closes ? $"（{TokyoTime.LongDateTime(closes)}まで）" : "")}。",
                consultation.OpensUtc, consultation.FormUrl));
        }

        if (consultation.ClosesUtc is { } closed && closed <= now)
        {
            updates.Add(new FollowUpdate($"iken/{slug}/closed", $"{consultation.Title}：意見の募集を締め切りました",
                $"{TokyoTime.LongDateTime(closed)}に締め切りました。寄せられた意見と市の考え方は結果のページで公開します。", closed, consultation.ResultsUrl));
        }

        // When each comment now on the results page went on it: the latest such entry of the inbox in the audit log.
        var shown = await consultations.ShownReceiptNumbersAsync(consultation.Id, ct);
        if (shown.Count > 0)
        {
            var publishedAt = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == ConsultationFollowSource.ResultsPublishedActionKey && a.Target != null && shown.Contains(a.Target))
                .GroupBy(a => a.Target!)
                .Select(g => g.Max(a => a.Utc))
                .ToListAsync(ct);
            updates.AddRange(publishedAt.GroupBy(TokyoTime.DateOf).Select(day => new FollowUpdate(
                $"iken/{slug}/results/{day.Key:yyyy-MM-dd}",
                $"{consultation.Title}：寄せられた意見と市の考え方を{day.Count()}件公開しました",
                $"{TokyoTime.LongDate(day.Key)}に、寄せられた意見{day.Count()}件とそれに対する市の考え方を結果のページに載せました。",
                day.Max(),
                consultation.ResultsUrl)));
        }

        foreach (var notice in await consultations.NoticeVersionsAsync(consultation, ct))
        {
            updates.Add(new FollowUpdate(
                $"iken/{slug}/notice/{notice.Number}",
                $"{consultation.Title}：結果公示{(notice.Number > 1 ? $"（第{notice.Number}版）" : "")}を公開しました",
                $"{TokyoTime.LongDate(notice.PublishedUtc)}に、意見募集の結果公示（寄せられた意見の数、意見と市の考え方、案からの主な変更点）を公開しました。",
                notice.PublishedUtc,
                notice.Url));
        }

        return updates;
    }
}
