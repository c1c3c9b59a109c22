using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Kernel;

namespace UedaPublicGoals.Feedback.Results;

/// <summary>What the public results page may show of a comment: never nickname, e-mail or residence.</summary>
public sealed record PublishedComment(long Id, string Text, string? Field, AgeGroup? AgeGroup, string? CityResponse, DateTime ReceivedUtc);

/// <summary>A 分野 on the results page. Index is its place in the consultation's list (the last one catches the rest).</summary>
public sealed record ResultsGroup(int Index, string Label, int Total, IReadOnlyList<PublishedComment> Comments);

/// <summary>Comments staff chose to publish (IsPublished, not hidden), grouped by 分野, newest first.</summary>
public sealed class PublishedComments(FeedbackDbContext db)
{
    public const int OverviewPerGroup = 5;
    public const int PageSize = 20;
    public const string OtherLabel = "その他（分野の指定なし）";

    /// <summary>The one rule for what the results page shows: published by staff and not hidden.</summary>
    public static readonly Expression<Func<Comment, bool>> Shown = c => c.IsPublished && c.Status != CommentStatus.Hidden;

    private static readonly Func<Comment, bool> ShownCompiled = Shown.Compile();

    /// <summary><see cref="Shown"/> for a loaded comment, e.g. before and after the inbox changes it.</summary>
    public static bool Shows(Comment comment) => ShownCompiled(comment);

    /// <summary>Every 分野 with published comments, each with its first few.</summary>
    public async Task<IReadOnlyList<ResultsGroup>> OverviewAsync(Consultation consultation, CancellationToken ct = default)
    {
        var groups = new List<ResultsGroup>();
        for (var index = 0; index <= consultation.Fields.Count; index++)
        {
            var query = InGroup(consultation, index);
            var total = await query.CountAsync(ct);
            if (total > 0)
            {
                groups.Add(new ResultsGroup(index, Label(consultation, index), total, await Page(query, 0, OverviewPerGroup).ToListAsync(ct)));
            }
        }

        return groups;
    }

    /// <summary>One page (from 1) of one 分野, or null when the group index does not exist.</summary>
    public async Task<ResultsGroup?> GroupPageAsync(Consultation consultation, int index, int page, CancellationToken ct = default)
    {
        if (index < 0 || index > consultation.Fields.Count || page < 1)
        {
            return null;
        }

        var query = InGroup(consultation, index);
        var total = await query.CountAsync(ct);
        return new ResultsGroup(index, Label(consultation, index), total, await Page(query, Paging.Offset(page, PageSize), PageSize).ToListAsync(ct));
    }

    public static string Label(Consultation consultation, int index) => index < consultation.Fields.Count ? consultation.Fields[index] : OtherLabel;

    private IQueryable<Comment> InGroup(Consultation consultation, int index)
    {
        var published = db.Comments.AsNoTracking()
            .Where(c => c.ConsultationId == consultation.Id)
            .Where(Shown);
        if (index < consultation.Fields.Count)
        {
            var field = consultation.Fields[index];
            return published.Where(c => c.Field == field);
        }

        var known = consultation.Fields.ToList();
        return published.Where(c => c.Field == null || !known.Contains(c.Field));
    }

    private static IQueryable<PublishedComment> Page(IQueryable<Comment> query, int skip, int take) =>
        query.OrderByDescending(c => c.ReceivedUtc).ThenByDescending(c => c.Id)
            .Skip(skip).Take(take)
            .Select(c => new PublishedComment(c.Id, c.Text, c.Field, c.AgeGroup, c.CityResponse, c.ReceivedUtc));
}
