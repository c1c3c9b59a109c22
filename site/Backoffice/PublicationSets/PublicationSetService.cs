using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Backoffice.Approvals;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.PublicationSets;

/// <summary>A document as staff recognise it in set and schedule lists.</summary>
public sealed record DocumentLabel(Guid Id, DocumentKind Kind, string Title, string Where, int DraftVersion, int? PublishedVersion, string Slug, bool Deleted)
{
    public string EditorPath => Kind == DocumentKind.Goal ? $"/backoffice/goals/{Id}" : $"/backoffice/pages/{Id}";
}

public sealed record SetMemberView(PublicationSetMember Member, DocumentLabel Document);

/// <summary>A draft that may join a set: its current version has a pending or approved 承認依頼.</summary>
public sealed record SetCandidate(DocumentLabel Document, long RequestId, bool AwaitsDecision);

public sealed record SetDetail(PublicationSet Set, IReadOnlyList<SetMemberView> Members, IReadOnlyList<SetCandidate> Candidates);

public sealed record ScheduledDocument(DocumentLabel Document, DateTime? PublishUtc, DateTime? UnpublishUtc);

public sealed record ScheduleOverview(IReadOnlyList<ScheduledDocument> Documents, IReadOnlyList<PublicationSet> Sets);

/// <summary>What one scheduler pass did with a set whose moment had come.</summary>
public sealed record SetRelease(int SetId, bool Released, IReadOnlyList<Guid> DocumentIds);

/// <summary>
/// 公開セット: 広報 pins approved drafts into a set; at its moment the scheduler re-checks every member and
/// publishes them all in one transaction and one batch, or none (the set is then 失敗 with a reason per
/// member, audited). Adding a draft whose 承認依頼 is still open is the 広報's approval of that version.
/// </summary>
public sealed class PublicationSetService(PortalDbContext db, ContentStore store, AuditLog audit, TimeProvider clock, ILogger<PublicationSetService> logger)
{
    public async Task<int> CreateAsync(string name, DateTime releaseUtc, string user, CancellationToken ct = default)
    {
        var set = new PublicationSet
        {
            Name = name.Trim(),
            ReleaseUtc = releaseUtc,
            Status = PublicationSetStatus.Pending,
            CreatedBy = user,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.PublicationSets.Add(set);
        await db.SaveChangesAsync(ct);
        audit.Add(AuditActions.PublicationSetChange, Target(set.Id), $"公開セット「{set.Name}」を作成（{TokyoTime.LongDateTime(releaseUtc)} 日本時間に公開）", actor: user);
        await db.SaveChangesAsync(ct);
        return set.Id;
    }

    /// <returns>null when added; otherwise the Japanese reason it was refused (nothing saved).</returns>
    public async Task<string?> AddMemberAsync(int setId, Guid documentId, string user, CancellationToken ct = default)
    {
        var set = await db.PublicationSets.Include(s => s.Members).SingleOrDefaultAsync(s => s.Id == setId, ct);
        if (set is null || set.Status != PublicationSetStatus.Pending)
        {
            return "この公開セットは予約中ではないため、変更できません。";
        }

        var document = (await LabelsAsync([documentId], ct)).GetValueOrDefault(documentId);
        if (document is null || document.Deleted)
        {
            return "選んだ文書が見つかりません（ごみ箱に移動された可能性があります）。";
        }

        if (set.Members.Any(m => m.DocumentId == documentId))
        {
            return $"「{document.Title}」はすでにこのセットに入っています。";
        }

        var otherSet = await db.PublicationSetMembers
            .Where(m => m.DocumentId == documentId)
            .Join(db.PublicationSets.Where(s => s.Status == PublicationSetStatus.Pending), m => m.SetId, s => s.Id, (m, s) => s.Name)
            .FirstOrDefaultAsync(ct);
        if (otherSet is not null)
        {
            return $"「{document.Title}」はすでに公開セット「{otherSet}」に入っています。1つの文書は1つのセットにだけ入れられます。";
        }

        if (document.PublishedVersion == document.DraftVersion)
        {
            return $"「{document.Title}」の現在の下書き（第{document.DraftVersion}版）はすでに公開されています。";
        }

        var request = await db.ApprovalRequests
            .Where(a => a.DocumentId == documentId && a.Version == document.DraftVersion
                && (a.Status == ApprovalStatus.Pending || a.Status == ApprovalStatus.Approved))
            .OrderByDescending(a => a.Id)
            .FirstOrDefaultAsync(ct);
        if (request is null)
        {
            return $"「{document.Title}」の現在の下書き（第{document.DraftVersion}版）には承認依頼がないため、追加できません。承認された下書きだけをセットに入れられます。";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.Status == ApprovalStatus.Pending)
        {
            request.Status = ApprovalStatus.Approved;
            request.DecidedBy = user;
            request.DecidedUtc = now;
            request.DecisionNote = $"公開セット「{set.Name}」に入れて承認しました（{TokyoTime.LongDateTime(set.ReleaseUtc)} 日本時間に公開予定）。";
            audit.Add(AuditActions.ApprovalDecide, ContentStore.DocumentTarget(document.Kind, documentId), $"承認：第{request.Version}版を公開セット「{set.Name}」へ（依頼者 {request.RequestedBy}）", actor: user);
        }

        set.Members.Add(new PublicationSetMember
        {
            DocumentId = documentId,
            Version = document.DraftVersion,
            Slug = document.Slug,
            ApprovalRequestId = request.Id,
            AddedBy = user,
            AddedUtc = now,
        });
        audit.Add(AuditActions.PublicationSetChange, Target(set.Id), $"公開セット「{set.Name}」に「{document.Title}」第{document.DraftVersion}版を追加", actor: user);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<bool> RemoveMemberAsync(int setId, Guid documentId, string user, CancellationToken ct = default)
    {
        var set = await db.PublicationSets.Include(s => s.Members).SingleOrDefaultAsync(s => s.Id == setId, ct);
        var member = set?.Members.SingleOrDefault(m => m.DocumentId == documentId);
        if (set is null || member is null || set.Status != PublicationSetStatus.Pending)
        {
            return false;
        }

        var title = (await LabelsAsync([documentId], ct)).GetValueOrDefault(documentId)?.Title ?? documentId.ToString();
        db.PublicationSetMembers.Remove(member);
        audit.Add(AuditActions.PublicationSetChange, Target(set.Id), $"公開セット「{set.Name}」から「{title}」を外す（承認はそのまま）", actor: user);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> CancelAsync(int setId, string user, CancellationToken ct = default)
    {
        var set = await db.PublicationSets.SingleOrDefaultAsync(s => s.Id == setId, ct);
        if (set is null || set.Status != PublicationSetStatus.Pending)
        {
            return false;
        }

        set.Status = PublicationSetStatus.Cancelled;
        set.ClosedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.PublicationSetChange, Target(set.Id), $"公開セット「{set.Name}」を取り消し（何も公開していません）", actor: user);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Releases (or fails) every pending set whose moment has come, oldest first.</summary>
    public async Task<IReadOnlyList<SetRelease>> ReleaseDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.PublicationSets.AsNoTracking()
            .Where(s => s.Status == PublicationSetStatus.Pending && s.ReleaseUtc <= now)
            .OrderBy(s => s.ReleaseUtc).ThenBy(s => s.Id)
            .Select(s => s.Id)
            .ToListAsync(ct);

        var results = new List<SetRelease>();
        foreach (var setId in due)
        {
            try
            {
                results.Add(await ReleaseAsync(setId, ct));
            }
            catch (ContentConflictException ex)
            {
                // A member was saved between the re-check and the commit: nothing was published. The
                // set stays pending and the next pass re-checks it (and fails it, naming the change).
                logger.LogWarning("Publication set {SetId} met a concurrent change of document {DocumentId}; retrying on the next pass.", setId, ex.DocumentId);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return results;
    }

    private async Task<SetRelease> ReleaseAsync(int setId, CancellationToken ct)
    {
        var set = await db.PublicationSets.Include(s => s.Members).SingleAsync(s => s.Id == setId, ct);
        var documentIds = set.Members.Select(m => m.DocumentId).ToList();
        var labels = await LabelsAsync(documentIds, ct);
        var requests = await db.ApprovalRequests.AsNoTracking()
            .Where(a => documentIds.Contains(a.DocumentId))
            .ToDictionaryAsync(a => a.Id, a => a.Status, ct);

        foreach (var member in set.Members)
        {
            member.FailureReason = FailureOf(member, labels.GetValueOrDefault(member.DocumentId), requests.GetValueOrDefault(member.ApprovalRequestId));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        set.ClosedUtc = now;
        var failed = set.Members.Where(m => m.FailureReason is not null).ToList();
        if (set.Members.Count == 0 || failed.Count > 0)
        {
            set.Status = PublicationSetStatus.Failed;
            var reasons = set.Members.Count == 0
                ? "セットに文書がありません"
                : string.Join("／", failed.Select(m => $"「{labels.GetValueOrDefault(m.DocumentId)?.Title ?? m.DocumentId.ToString()}」：{m.FailureReason}"));
            audit.Add(AuditActions.PublicationSetFail, Target(set.Id), Shorten($"公開セット「{set.Name}」は公開しませんでした（1件も公開していません）。{reasons}"), actor: ContentStore.SystemUser);
            await db.SaveChangesAsync(ct);
            logger.LogWarning("Publication set {SetId} failed its release check: {Reasons}", set.Id, reasons);
            return new SetRelease(set.Id, false, []);
        }

        set.Status = PublicationSetStatus.Released;
        audit.Add(AuditActions.PublicationSetRelease, Target(set.Id), Shorten($"公開セット「{set.Name}」の{documentIds.Count}件を同時に公開：{string.Join("、", documentIds.Select(id => labels[id].Title))}"), actor: ContentStore.SystemUser);

        // The set's status and audit row ride in the same unit of work as the publishes: one transaction, one batch.
        await store.PublishTogetherAsync(documentIds, ContentStore.SystemUser, ct);
        return new SetRelease(set.Id, true, documentIds);
    }

    /// <summary>Why a member may not be published now, or null when its approved draft is unchanged.</summary>
    private static string? FailureOf(PublicationSetMember member, DocumentLabel? document, ApprovalStatus requestStatus)
    {
        if (document is null || document.Deleted)
        {
            return "ごみ箱に移動されたため公開できません。";
        }

        if (document.DraftVersion != member.Version)
        {
            return $"承認後に下書きが変更されました（承認したのは第{member.Version}版、現在は第{document.DraftVersion}版）。";
        }

        if (requestStatus != ApprovalStatus.Approved)
        {
            return "承認が取り消されています（新しい承認依頼に置き換えられたなど）。";
        }

        return document.Slug != member.Slug
            ? $"承認後にURL（スラッグ）が「{member.Slug}」から「{document.Slug}」に変更されました。"
            : null;
    }

    public async Task<ScheduleOverview> OverviewAsync(CancellationToken ct = default)
    {
        var scheduled = await db.Documents.AsNoTracking()
            .Where(d => d.DeletedUtc == null && (d.ScheduledPublishUtc != null || d.ScheduledUnpublishUtc != null))
            .Select(d => new { d.Id, d.ScheduledPublishUtc, d.ScheduledUnpublishUtc })
            .ToListAsync(ct);
        var labels = await LabelsAsync(scheduled.Select(d => d.Id).ToList(), ct);
        var documents = scheduled
            .Select(d => new ScheduledDocument(labels[d.Id], d.ScheduledPublishUtc, d.ScheduledUnpublishUtc))
            .OrderBy(d => d.PublishUtc ?? d.UnpublishUtc)
            .ToList();

        // Pending sets first by moment; then the closed ones, newest first.
        var sets = await db.PublicationSets.AsNoTracking().Include(s => s.Members).ToListAsync(ct);
        return new ScheduleOverview(documents, sets
            .OrderBy(s => s.Status == PublicationSetStatus.Pending ? 0 : 1)
            .ThenBy(s => s.Status == PublicationSetStatus.Pending ? s.ReleaseUtc.Ticks : -s.ReleaseUtc.Ticks)
            .ToList());
    }

    public async Task<SetDetail?> DetailAsync(int setId, CancellationToken ct = default)
    {
        var set = await db.PublicationSets.AsNoTracking().Include(s => s.Members).SingleOrDefaultAsync(s => s.Id == setId, ct);
        if (set is null)
        {
            return null;
        }

        var open = await db.ApprovalRequests.AsNoTracking()
            .Where(a => a.Status == ApprovalStatus.Pending || a.Status == ApprovalStatus.Approved)
            .Join(db.Documents.Where(d => d.DeletedUtc == null), a => new { a.DocumentId, Number = a.Version }, d => new { DocumentId = d.Id, Number = d.DraftVersion }, (a, d) => new { a.DocumentId, a.Id, a.Status, d.PublishedVersion, d.DraftVersion })
            .Where(x => x.PublishedVersion == null || x.PublishedVersion != x.DraftVersion)
            .ToListAsync(ct);
        var inPendingSets = (await db.PublicationSetMembers.AsNoTracking()
            .Where(m => db.PublicationSets.Any(s => s.Id == m.SetId && s.Status == PublicationSetStatus.Pending))
            .Select(m => m.DocumentId).ToListAsync(ct)).ToHashSet();
        var candidates = open.Where(x => !inPendingSets.Contains(x.DocumentId)).GroupBy(x => x.DocumentId).Select(g => g.MaxBy(x => x.Id)!).ToList();

        var labels = await LabelsAsync(set.Members.Select(m => m.DocumentId).Concat(candidates.Select(c => c.DocumentId)).Distinct().ToList(), ct);
        return new SetDetail(
            set,
            set.Members.Where(m => labels.ContainsKey(m.DocumentId)).Select(m => new SetMemberView(m, labels[m.DocumentId])).OrderBy(m => m.Document.Where).ThenBy(m => m.Document.Title).ToList(),
            candidates.Select(c => new SetCandidate(labels[c.DocumentId], c.Id, c.Status == ApprovalStatus.Pending)).OrderBy(c => c.Document.Where).ThenBy(c => c.Document.Title).ToList());
    }

    /// <summary>Title of the current draft and 部局・年度 of each document, in one query.</summary>
    private async Task<Dictionary<Guid, DocumentLabel>> LabelsAsync(IReadOnlyCollection<Guid> documentIds, CancellationToken ct) =>
        (await db.ReadDocumentStatesAsync(documentIds, ct)).ToDictionary(
            s => s.Key,
            s => new DocumentLabel(s.Key, s.Value.Kind, s.Value.DraftTitle, s.Value.Where, s.Value.DraftVersion, s.Value.PublishedVersion, s.Value.Slug, s.Value.Deleted));

    public static string Target(int setId) => $"publication-set:{setId}";

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..1999] + "…";
}
