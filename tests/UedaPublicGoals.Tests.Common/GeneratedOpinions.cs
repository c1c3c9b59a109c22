using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.ResultNotice;

namespace UedaPublicGoals.Tests.Common;

/// <summary>
/// Opinions in the shape a real consultation gets: every channel, 分野 and 年代 (some unanswered),
/// each classified as staff would (分類, 反映状況, 市の考え方, now and then a 要旨), and every
/// twentieth hidden with one of two reasons. Deterministic for a seed.
/// </summary>
public static class GeneratedOpinions
{
    public static readonly IReadOnlyList<string> Categories = ["計画全体・進め方", "子育て・教育", "まちづくり・交通", "産業・雇用", "健康・福祉"];

    public static readonly IReadOnlyList<string> HiddenReasons = ["宣伝・スパム", "特定の人への誹謗中傷"];

    private static readonly string[] Topics =
    [
        "通学路の歩道", "駅前の駐輪場", "中学生が集まれる場所", "大学と地域の交流", "子育て支援センター",
        "バスの本数", "農業の担い手", "空き店舗の活用", "高齢者の見守り", "図書館の開館時間",
        "公園の遊具", "市の情報発信", "若者の就職先", "災害時の避難所", "地域の祭り",
    ];

    private static readonly (CommentChannel Channel, int Weight)[] Channels =
    [
        (CommentChannel.Web, 50), (CommentChannel.Post, 15), (CommentChannel.Workshop, 15), (CommentChannel.FacilityCorner, 8), (CommentChannel.FieldHearing, 12),
    ];

    /// <summary>Adds <paramref name="count"/> opinions to the consultation in one transaction (receipt numbers G-000001…).</summary>
    public static async Task<List<Comment>> AddAsync(IServiceProvider services, int consultationId, int count, int seed = 10)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var fields = await db.Consultations.Where(c => c.Id == consultationId).Select(c => c.Fields).SingleAsync();
        var random = new Random(seed);
        var start = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        var comments = new List<Comment>();
        for (var i = 1; i <= count; i++)
        {
            var topic = Topics[random.Next(Topics.Length)];
            var channel = Pick(random);
            var uptake = (OpinionUptake)random.Next(4);
            var hidden = i % 20 == 0;
            var comment = new Comment
            {
                ReceiptNumber = $"G-{i:D6}",
                ConsultationId = consultationId,
                Channel = channel,
                ReceivedUtc = start.AddHours(i * 3),
                CreatedUtc = start.AddHours(i * 3),
                EnteredBy = channel == CommentChannel.Web ? null : "tanto@example.jp",
                Text = $"{topic}について意見です。{(i % 3 == 0 ? "高校生の目から見ると、もっと使いやすくしてほしいです。" : "今の計画案では触れられていないので、取り上げてください。")}（{i}）",
                Field = random.Next(10) == 0 ? null : fields[random.Next(fields.Count)],
                AgeGroup = random.Next(8) == 0 ? null : (AgeGroup)Math.Min(random.Next(9), random.Next(9)),
                Status = hidden ? CommentStatus.Hidden : CommentStatus.Answered,
                HiddenReason = hidden ? HiddenReasons[i / 20 % 2] : null,
                OpinionCategory = hidden ? null : Categories[random.Next(Categories.Count)],
                Uptake = hidden ? null : uptake,
                Gist = !hidden && i % 7 == 0 ? $"{topic}の改善を求める意見（{i}）" : null,
                CityResponse = hidden ? null : $"{topic}については、{OpinionUptakeLabels.Explain(uptake)}。（{i}）",
                ConcurrencyStamp = Guid.NewGuid(),
            };
            comments.Add(comment);
        }

        db.Comments.AddRange(comments);
        await db.SaveChangesAsync();
        return comments;
    }

    /// <summary>What staff write on the notice's settings, straight into the database (browser tests and samples).</summary>
    public static async Task ConfigureNoticeAsync(IServiceProvider services, int consultationId, DateOnly draftPublishedOn, string changesFromDraft)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        db.ResultNoticeSettings.Add(new ResultNoticeSettings
        {
            ConsultationId = consultationId,
            Categories = [.. Categories],
            DraftPublishedOn = draftPublishedOn,
            ChangesFromDraft = changesFromDraft,
            UpdatedUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    public static async Task<int> DefaultConsultationIdAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().Consultations.Where(c => c.IsDefault).Select(c => c.Id).SingleAsync();
    }

    private static CommentChannel Pick(Random random)
    {
        var roll = random.Next(Channels.Sum(c => c.Weight));
        foreach (var (channel, weight) in Channels)
        {
            if ((roll -= weight) < 0)
            {
                return channel;
            }
        }

        return CommentChannel.Web;
    }
}
