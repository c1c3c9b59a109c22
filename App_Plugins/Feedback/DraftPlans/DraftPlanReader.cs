using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Kernel.Markdown;

namespace UedaPublicGoals.Feedback.DraftPlans;

/// <summary>A version's outline with each paragraph's sanitized HTML, keyed by <see cref="ParagraphRef.Key"/>.</summary>
public sealed record RenderedDraft(DraftOutline Outline, IReadOnlyDictionary<string, string> ParagraphHtml);

/// <summary>A paragraph a comment can be about: a published version's paragraph, in its plan.</summary>
public sealed record ParagraphTarget(DraftPlan Plan, DraftPlanVersion Version, DraftParagraph Paragraph)
{
    /// <summary>The value the comment form carries: version id and paragraph key, e.g. 12:2-1-3.</summary>
    public string Value => FormValue(Version.Id, Paragraph.Ref);

    public string Url => DraftPlanPaths.Paragraph(Plan.Slug, Version.Number, Paragraph.Ref);

    public static string FormValue(int versionId, ParagraphRef reference) => string.Create(CultureInfo.InvariantCulture, $"{versionId}:{reference.Key}");
}

public enum ParagraphProblem
{
    None,
    /// <summary>No published paragraph by that value in this consultation's drafts (forged, mistyped or removed).</summary>
    Unknown,
    NotYetOpen,
    Closed,
}

/// <summary>Reads draft plans for residents, the comment form and the inbox.</summary>
public sealed class DraftPlanReader(FeedbackDbContext db, MarkdownRenderer markdown, IMemoryCache cache)
{
    public const string UnknownParagraphMessage =
        "意見を送る段落が見つかりません（案が改訂されたか、リンクが正しくありません）。段落の指定を外しました。このまま送ると段落を指定しない意見になります。段落を選ぶには、案のページから「この段落に意見を送る」を押してください。";

    public Task<DraftPlan?> FindPlanAsync(string slug, CancellationToken ct) =>
        slug.Length > 80 ? Task.FromResult<DraftPlan?>(null) : db.DraftPlans.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == slug, ct);

    /// <summary>The published versions, oldest first (their text is not loaded).</summary>
    public Task<List<DraftPlanVersion>> PublishedVersionsAsync(int planId, CancellationToken ct) =>
        db.DraftPlanVersions.AsNoTracking()
            .Where(v => v.DraftPlanId == planId && v.PublishedUtc != null)
            .OrderBy(v => v.Number)
            .Select(v => new DraftPlanVersion { Id = v.Id, DraftPlanId = v.DraftPlanId, Number = v.Number, Title = v.Title, PublishedUtc = v.PublishedUtc, UpdatedUtc = v.UpdatedUtc })
            .ToListAsync(ct);

    public Task<DraftPlanVersion?> PublishedVersionAsync(int planId, int number, CancellationToken ct) =>
        db.DraftPlanVersions.AsNoTracking().FirstOrDefaultAsync(v => v.DraftPlanId == planId && v.Number == number && v.PublishedUtc != null, ct);

    /// <summary>Split and rendered once per version text (a published version never changes).</summary>
    public RenderedDraft Render(DraftPlanVersion version) =>
        cache.GetOrCreate(("draft-plan", version.Id, version.UpdatedUtc), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            var outline = DraftOutline.Split(version.Body, markdown);
            return new RenderedDraft(outline, outline.Paragraphs.ToDictionary(p => p.Ref.Key, p => markdown.RenderToString(p.Markdown)));
        })!;

    /// <summary>Comments received per paragraph of a version (不掲載 spam and abuse not counted).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(int versionId, CancellationToken ct) =>
        await db.Comments.AsNoTracking()
            .Where(c => c.DraftVersionId == versionId && c.ParagraphRef != null && c.Status != CommentStatus.Hidden)
            .GroupBy(c => c.ParagraphRef!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>
    /// The paragraph a comment form value names, if it is a published paragraph of one of this
    /// consultation's drafts, and whether the draft's comment period lets it be sent now.
    /// </summary>
    public async Task<(ParagraphTarget? Target, ParagraphProblem Problem)> ResolveAsync(string value, int consultationId, DateTime nowUtc, CancellationToken ct)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || !int.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var versionId)
            || !ParagraphRef.TryParse(value[(colon + 1)..], out var reference))
        {
            return (null, ParagraphProblem.Unknown);
        }

        var version = await db.DraftPlanVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId && v.PublishedUtc != null, ct);
        var plan = version is null ? null : await db.DraftPlans.AsNoTracking().FirstOrDefaultAsync(d => d.Id == version.DraftPlanId && d.ConsultationId == consultationId, ct);
        if (version is null || plan is null || Render(version).Outline.Find(reference) is not { } paragraph)
        {
            return (null, ParagraphProblem.Unknown);
        }

        var target = new ParagraphTarget(plan, version, paragraph);
        var problem = plan.IsOpenAt(nowUtc) ? ParagraphProblem.None : nowUtc < plan.OpensUtc ? ParagraphProblem.NotYetOpen : ParagraphProblem.Closed;
        return (target, problem);
    }

    /// <summary>The paragraph a comment is about, as staff read it (title, 第n版, ref) with its public URL; null for other comments.</summary>
    public async Task<(string Label, string Url)?> DescribeAsync(Comment comment, CancellationToken ct)
    {
        if (comment.DraftVersionId is not { } versionId || !ParagraphRef.TryParse(comment.ParagraphRef, out var reference))
        {
            return null;
        }

        var found = await db.DraftPlanVersions.AsNoTracking()
            .Where(v => v.Id == versionId)
            .Join(db.DraftPlans, v => v.DraftPlanId, d => d.Id, (v, d) => new { v.Title, v.Number, d.Slug })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : ($"{found.Title} 第{found.Number}版 {reference.Label}", DraftPlanPaths.Paragraph(found.Slug, found.Number, reference));
    }

    /// <summary>Every draft with its versions' numbers, for the inbox filter and its labels.</summary>
    public async Task<IReadOnlyList<DraftChoice>> ChoicesAsync(CancellationToken ct)
    {
        var versions = await db.DraftPlanVersions.AsNoTracking()
            .Select(v => new { v.Id, v.DraftPlanId, v.Number, v.Title })
            .ToListAsync(ct);
        return versions.GroupBy(v => v.DraftPlanId)
            .Select(g => new DraftChoice(g.Key, g.OrderBy(v => v.Number).Last().Title, g.ToDictionary(v => v.Id, v => v.Number)))
            .OrderBy(d => d.Title, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>A draft as the inbox names it: its latest title and which version id is which 第n版.</summary>
public sealed record DraftChoice(int PlanId, string Title, IReadOnlyDictionary<int, int> VersionNumbers)
{
    /// <summary>e.g. 第三次上田市総合計画(案) 第2版 第2章 第1節 ¶3, or null when the comment is not on one of its paragraphs.</summary>
    public static string? LabelOf(IEnumerable<DraftChoice> drafts, Comment comment)
    {
        if (comment.DraftVersionId is not { } versionId || !ParagraphRef.TryParse(comment.ParagraphRef, out var reference))
        {
            return null;
        }

        var draft = drafts.FirstOrDefault(d => d.VersionNumbers.ContainsKey(versionId));
        return draft is null ? reference.Label : $"{draft.Title} 第{draft.VersionNumbers[versionId]}版 {reference.Label}";
    }
}

/// <summary>The residents' URLs of draft plans.</summary>
public static class DraftPlanPaths
{
    /// <summary>The /iken/ segment drafts live under; no consultation may take it as its slug.</summary>
    public const string Segment = "an";

    public static string Latest(string slug) => $"/iken/{Segment}/{slug}";

    public static string Version(string slug, int number) => string.Create(CultureInfo.InvariantCulture, $"/iken/{Segment}/{slug}/{number}");

    public static string Changes(string slug, int number) => Version(slug, number) + "/changes";

    public static string Paragraph(string slug, int number, ParagraphRef reference) => Version(slug, number) + "#" + reference.Anchor;
}
