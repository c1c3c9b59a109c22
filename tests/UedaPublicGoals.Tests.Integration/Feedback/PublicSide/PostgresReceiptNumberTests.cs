using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Submission;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>
/// 受付番号 on PostgreSQL with two nodes: a rolled-back insert gives its number back (an identity or
/// sequence would skip it), and comments sent at once through both nodes get gapless numbers.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReceiptNumberTests(PostgresServer postgres)
{
    [Fact]
    public async Task Numbers_stay_gapless_through_a_rolled_back_insert_and_concurrent_sends_on_two_nodes()
    {
        var connectionString = postgres.SeededConnectionStringFor("feedback_receipts");
        using var first = new FeedbackPortal { PostgresConnectionString = connectionString };
        await CommentSteps.SubmitAsync(first, first.OpenSession());
        using var second = new FeedbackPortal { PostgresConnectionString = connectionString };

        // A batch that fails after its numbers were taken (the spent-challenge key is too long for its column).
        var consultation = await first.ComprehensivePlanAsync();
        await first.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var doomed = new Comment { ConsultationId = consultation.Id, Text = "ロールバックされる意見です。", ReceivedUtc = now, CreatedUtc = now, ConcurrencyStamp = Guid.NewGuid() };
            await Assert.ThrowsAsync<DbUpdateException>(() =>
                CommentBatch.StoreAsync(db, [new CommentWrite(doomed, "doomed-submission", new SingleUseKey(new string('x', 100), now.AddMinutes(5)))]));
        });

        var sends = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var node = i % 2 == 0 ? first : second;
            var session = node.OpenSession();
            var send = await CommentSteps.SendFormAsync(node, session, f => f["Text"] = $"二つのノードから同時に送る意見{i}です。");
            return (await session.PostAsync(send)).Response;
        }));
        Assert.All(sends, s => Assert.Equal(HttpStatusCode.SeeOther, s.StatusCode));

        var comments = await first.CommentsAsync();
        Assert.Equal(21, comments.Count);
        Assert.Equal(Enumerable.Range(1, 21).Select(n => ReceiptNumbers.For(n, comments[0].CreatedUtc)), comments.Select(c => c.ReceiptNumber).Order());
        Assert.DoesNotContain(await first.WithDbAsync(db => db.SubmissionTokens.Select(t => t.Token).ToListAsync()), t => t == "doomed-submission");
    }
}
