using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.ResultNotice;
using UedaPublicGoals.Feedback.Submission;
using UedaPublicGoals.Feedback.Surveys;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>
/// The comment writer inserts rows without SaveChanges, from EF's mapping: every column must come
/// back as EF reads it (converters, nullable values, UTC times), on SQLite and PostgreSQL alike.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RowInserterTests(PostgresServer postgres)
{
    [Fact]
    public Task Every_column_of_a_comment_reads_back_as_written_on_SQLite() => EveryColumnReadsBackAsync(new FeedbackPortal());

    [Fact]
    public Task Every_column_of_a_comment_reads_back_as_written_on_PostgreSQL() =>
        EveryColumnReadsBackAsync(new FeedbackPortal { PostgresConnectionString = postgres.SeededConnectionStringFor("feedback_row_inserter") });

    [Fact]
    public async Task A_row_whose_navigation_carries_other_rows_is_refused_and_nothing_is_stored()
    {
        using var portal = new FeedbackPortal();
        var refused = await portal.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var set = new SurveyAnswerSet { SurveyId = 1, Channel = CommentChannel.Web, ReceivedUtc = DateTime.UtcNow, CreatedUtc = DateTime.UtcNow, Answers = [new SurveyAnswer { QuestionId = 1 }] };
            return await Assert.ThrowsAsync<InvalidOperationException>(() => RowInserter.InsertAsync(db, [set], CancellationToken.None));
        });

        Assert.Contains(nameof(SurveyAnswerSet.Answers), refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDbAsync(db => db.SurveyAnswerSets.CountAsync()));
    }

    [Fact]
    public async Task A_comment_keyed_in_with_a_note_is_stored_with_its_note()
    {
        using var portal = new FeedbackPortal();
        var consultation = await portal.ComprehensivePlanAsync();
        var now = DateTime.UtcNow;
        var comment = new Comment { ConsultationId = consultation.Id, Channel = CommentChannel.Post, Text = "郵送で届いた意見です。", ReceivedUtc = now, CreatedUtc = now, ConcurrencyStamp = Guid.NewGuid() };
        comment.Notes.Add(new CommentNote { Author = "staff@example.jp", CreatedUtc = now, Text = "交通部会の資料に入れる" });

        await portal.WithDbAsync(db => db.InsertNumberedAsync(comment));

        var notes = await portal.WithDbAsync(db => db.CommentNotes.AsNoTracking().Where(n => n.CommentId == comment.Id).ToListAsync());
        Assert.Equal("交通部会の資料に入れる", Assert.Single(notes).Text);
    }

    [Fact]
    public async Task A_unique_key_that_says_no_is_reported_as_SaveChanges_reports_it()
    {
        using var portal = new FeedbackPortal();
        await portal.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var expires = DateTime.UtcNow.AddMinutes(5);
            await RowInserter.InsertAsync(db, [new SpentChallenge { ChallengeId = "once", ExpiresUtc = expires }], CancellationToken.None);
            await Assert.ThrowsAsync<DbUpdateException>(() =>
                RowInserter.InsertAsync(db, [new SpentChallenge { ChallengeId = "once", ExpiresUtc = expires }], CancellationToken.None));
        });
    }

    private static async Task EveryColumnReadsBackAsync(FeedbackPortal portal)
    {
        using (portal)
        {
            var consultation = await portal.ComprehensivePlanAsync();
            var at = new DateTime(2026, 11, 29, 6, 30, 15, 123, DateTimeKind.Utc);
            var written = new Comment
            {
                ReceiptNumber = "R8-999999",
                ConsultationId = consultation.Id,
                Channel = CommentChannel.Post,
                ReceivedUtc = at,
                CreatedUtc = at.AddSeconds(1),
                EnteredBy = "staff@example.jp",
                GoalDocumentId = Guid.NewGuid(),
                DepartmentSlug = "seisaku-kikaku",
                GoalTitle = "総合計画の推進",
                InitiativeTitle = "若者の意見を聞く",
                ParagraphRef = "2-1-3",
                Text = "改行を含む意見です。\n二行目です。",
                Field = "子育て・教育",
                AgeGroup = AgeGroup.HighSchool,
                Residence = Residence.InUeda,
                Nickname = "うえだっ子",
                ReplyEmailProtected = "protected-bytes",
                ClientHash = new string('a', 64),
                CheckCodeHash = new string('b', 64),
                PersonalDataPurgedUtc = at.AddDays(1),
                Status = CommentStatus.ForwardedToCouncil,
                HiddenReason = null,
                AssigneeEmail = "kikaku@example.jp",
                CityResponse = "市の考え方です。",
                OpinionCategory = "若者",
                Uptake = OpinionUptake.PartlyReflected,
                Gist = "要旨",
                IsPublished = true,
                NotifiedUtc = at.AddHours(2),
                ResponseMailedUtc = at.AddHours(3),
                ConcurrencyStamp = Guid.NewGuid(),
            };

            await portal.WithDbAsync(async db =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await RowInserter.InsertAsync(db, [written], CancellationToken.None);
                await transaction.CommitAsync();
            });

            Assert.NotEqual(0, written.Id);
            var read = await portal.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == written.Id));
            var columns = await portal.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(Comment))!.GetProperties().ToList()));
            Assert.All(columns, column => Assert.Equal(column.PropertyInfo!.GetValue(written), column.PropertyInfo.GetValue(read)));
        }
    }
}
