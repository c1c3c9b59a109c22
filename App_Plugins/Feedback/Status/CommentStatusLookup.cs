using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Status;

/// <summary>Where a comment is, as the 「意見の状況」 page names the stages.</summary>
public enum CommentStage
{
    /// <summary>受付</summary>
    Received = 1,

    /// <summary>確認中</summary>
    UnderReview = 2,

    /// <summary>審議会へ回付</summary>
    ForwardedToCouncil = 3,

    /// <summary>市の考え方を公開</summary>
    ResponsePublished = 4,
}

/// <summary>What the status page shows: never the nickname, e-mail, residence or age, and the text only once it is public.</summary>
public sealed record CommentStatusView(
    string ReceiptNumber,
    string ConsultationTitle,
    string ConsultationSlug,
    DateTime ReceivedUtc,
    string? Field,
    CommentStage Stage,
    string? PublishedText,
    string? CityResponse);

public abstract record StatusLookupResult
{
    public sealed record Found(CommentStatusView Status) : StatusLookupResult;

    /// <summary>The number does not exist or the code is wrong: one answer for both.</summary>
    public sealed record NotFound : StatusLookupResult;

    /// <summary>Too many wrong codes for this 受付番号 lately: no answer, right code or not.</summary>
    public sealed record Limited : StatusLookupResult;
}

/// <summary>
/// Looks a comment up by 受付番号 and check code. Wrong codes are counted per 受付番号 in the
/// database (all nodes); past <see cref="FailuresAllowed"/> in <see cref="FailureWindow"/> the
/// number is not looked up at all, so the 40-bit code cannot be guessed online.
/// </summary>
public sealed partial class CommentStatusLookup(FeedbackDbContext db, TimeProvider clock)
{
    public const int FailuresAllowed = 10;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromHours(1);

    /// <summary>R8-000123 typed any way a phone types it (full-width, lower case, spaces, a long dash) in the stored form, or null.</summary>
    public static string? NormalizeReceipt(string? typed)
    {
        var folded = (typed ?? "").Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant()
            .Replace(" ", "", StringComparison.Ordinal).Replace('ー', '-').Replace('−', '-').Replace('‐', '-');
        return folded.Length <= 20 && ReceiptShape().IsMatch(folded) ? folded : null;
    }

    public async Task<StatusLookupResult> LookAsync(string receiptNumber, string? checkCode, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = Minute(now - FailureWindow);
        var failures = await db.StatusLookupFailures.Where(f => f.ReceiptNumber == receiptNumber && f.MinuteUtc >= since).SumAsync(f => f.Count, ct);
        if (failures >= FailuresAllowed)
        {
            return new StatusLookupResult.Limited();
        }

        var found = await (
                from comment in db.Comments.AsNoTracking()
                join consultation in db.Consultations.AsNoTracking() on comment.ConsultationId equals consultation.Id
                where comment.ReceiptNumber == receiptNumber
                select new
                {
                    comment.CheckCodeHash, comment.ReceivedUtc, comment.Field, comment.Status, comment.IsPublished, comment.Text, comment.CityResponse,
                    consultation.Title, consultation.Slug,
                })
            .FirstOrDefaultAsync(ct);

        // Compared even when the number is unknown, so both wrong answers take the same work.
        if (!CheckCodes.Matches(checkCode, found?.CheckCodeHash) || found is null)
        {
            await RecordFailureAsync(receiptNumber, now, ct);
            return new StatusLookupResult.NotFound();
        }

        var published = found.IsPublished && !string.IsNullOrWhiteSpace(found.CityResponse);
        var stage = published ? CommentStage.ResponsePublished : StageOf(found.Status);
        return new StatusLookupResult.Found(new CommentStatusView(
            receiptNumber, found.Title, found.Slug, found.ReceivedUtc, found.Field, stage,
            published ? found.Text : null, published ? found.CityResponse : null));
    }

    /// <summary>Hidden comments (spam, abuse) read as still under review: the page never says why.</summary>
    public static CommentStage StageOf(CommentStatus status) => status switch
    {
        CommentStatus.New => CommentStage.Received,
        CommentStatus.ForwardedToCouncil or CommentStatus.Answered => CommentStage.ForwardedToCouncil,
        _ => CommentStage.UnderReview,
    };

    private async Task RecordFailureAsync(string receiptNumber, DateTime now, CancellationToken ct)
    {
        var minute = Minute(now);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO "FeedbackStatusLookupFailures" ("ReceiptNumber", "MinuteUtc", "Count") VALUES ({receiptNumber}, {minute}, 1)
            ON CONFLICT ("ReceiptNumber", "MinuteUtc") DO UPDATE SET "Count" = "FeedbackStatusLookupFailures"."Count" + 1
            """,
            ct);
    }

    private static DateTime Minute(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc);

    [GeneratedRegex(@"^R\d{1,3}-\d{6,}$")]
    private static partial Regex ReceiptShape();
}
