using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Privacy;
using UedaPublicGoals.Feedback.Submission;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.FeedbackInbox;

/// <summary>
/// A 総合計画担当 account and a handful of comments from every channel (one hidden, one with
/// contact data and a note), put straight into the site the browser suite runs.
/// </summary>
public static class FeedbackInboxPages
{
    public const string List = "/backoffice/feedback";
    public const string Statistics = "/backoffice/feedback/statistics";
    public const string Password = "burauza tesuto no pasuwado";

    private static readonly ConditionalWeakTable<BrowserPortal, Lazy<Task<string>>> SharedOfficers = [];

    /// <summary>A new 総合計画担当 account and the comments, for a test that acts on who the account is.</summary>
    public static async Task<(string Email, long CommentId)> SeedAsync(BrowserPortal portal)
    {
        var email = await CreateOfficerAsync(portal);
        return (email, await AddCommentsAsync(portal, email));
    }

    /// <summary>
    /// The comments and the one 総合計画担当 account every caller on <paramref name="portal"/> shares, so that its
    /// session is signed in through the form once (<see cref="BrowserPortal.SignInAsync"/>).
    /// </summary>
    public static async Task<(string Email, long CommentId)> SeedWithSharedOfficerAsync(BrowserPortal portal)
    {
        var email = await SharedOfficers.GetValue(portal, p => new Lazy<Task<string>>(() => CreateOfficerAsync(p))).Value;
        return (email, await AddCommentsAsync(portal, email));
    }

    private static async Task<string> CreateOfficerAsync(BrowserPortal portal)
    {
        using var scope = portal.Services.CreateScope();
        var email = $"sogo-{Guid.NewGuid():N}@example.jp";
        await StaffAccounts.CreateAsync(scope.ServiceProvider, email, BackofficeRoles.PlanningOfficer, Password);
        return email;
    }

    /// <summary>Adds the comments (the first one with contact data and a note by <paramref name="noteAuthor"/>); returns that one's id.</summary>
    private static async Task<long> AddCommentsAsync(BrowserPortal portal, string noteAuthor)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<ReplyEmailProtector>();
        var consultation = await db.Consultations.SingleAsync(c => c.IsDefault);
        var now = DateTime.UtcNow;
        Comment? detailed = null;
        var samples = new (CommentChannel Channel, AgeGroup? Age, int Field, string Text, CommentStatus Status)[]
        {
            (CommentChannel.Web, AgeGroup.Twenties, 0, "バスの本数を増やして、高校や大学に通いやすくしてほしいです。", CommentStatus.New),
            (CommentChannel.Post, AgeGroup.SeventiesOrOlder, 4, "駅前の再開発について、説明会を地区ごとに開いてください。", CommentStatus.Reviewed),
            (CommentChannel.Workshop, AgeGroup.HighSchool, 1, "放課後に勉強できる場所が図書館以外にもほしい。", CommentStatus.ForwardedToCouncil),
            (CommentChannel.FacilityCorner, null, 6, "公民館の自由意見コーナーに置かれた用紙より。", CommentStatus.Answered),
            (CommentChannel.FieldHearing, AgeGroup.Forties, 2, "行政手続きのオンライン化を進めてほしい。", CommentStatus.New),
            (CommentChannel.Web, null, 6, "格安の宣伝です", CommentStatus.Hidden),
        };
        for (var i = 0; i < samples.Length; i++)
        {
            var (channel, age, field, text, status) = samples[i];
            var comment = new Comment
            {
                ConsultationId = consultation.Id,
                Channel = channel,
                ReceivedUtc = now.AddDays(i - samples.Length),
                CreatedUtc = now,
                Text = text,
                Field = consultation.Fields[field],
                AgeGroup = age,
                Residence = Residence.InUeda,
                Status = status,
                HiddenReason = status == CommentStatus.Hidden ? "宣伝" : null,
                ConcurrencyStamp = Guid.NewGuid(),
            };
            if (detailed is null)
            {
                comment.Nickname = "ばすの人";
                comment.ReplyEmailProtected = protector.Protect("bus@example.jp");
                comment.CityResponse = "路線バスの増便は交通政策課と検討しています。";
                comment.Notes.Add(new CommentNote { Author = noteAuthor, CreatedUtc = now, Text = "交通部会の資料に入れる" });
                detailed = comment;
            }

            await db.InsertNumberedAsync(comment); // numbered as every channel is
        }

        return detailed!.Id;
    }
}
