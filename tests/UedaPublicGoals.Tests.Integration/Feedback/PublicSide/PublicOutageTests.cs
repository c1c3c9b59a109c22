using System.Net;
using Microsoft.Data.Sqlite;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>
/// The database goes away just after a comment was stored: the resident still sees the 受付番号
/// (the redirect carries it), the form pages answer a Japanese 503 with Retry-After, and once the
/// database is back the same form gives the same number without a second comment.
/// </summary>
public sealed class PublicOutageTests
{
    [Fact]
    public async Task A_stored_comment_keeps_its_confirmation_while_the_database_is_away_and_the_form_answers_503()
    {
        using var portal = new FeedbackPortal();
        var session = portal.OpenSession();
        var send = await CommentSteps.SendFormAsync(portal, session);
        var (sent, _) = await session.PostAsync(send);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var stored = Assert.Single(await portal.CommentsAsync()).ReceiptNumber;

        var database = new SqliteConnectionStringBuilder(portal.SqliteConnectionString).DataSource;
        string[] files = [database, database + "-wal", database + "-shm"];
        SqliteConnection.ClearAllPools();
        foreach (var file in files.Where(File.Exists))
        {
            File.Move(file, file + ".away");
        }

        // A folder where the file was: SQLite cannot open it (SQLITE_CANTOPEN), as when a disk goes
        // away; without it SQLite would quietly create a new, empty database.
        Directory.CreateDirectory(database);

        try
        {
            var (thanks, thanksHtml) = await session.FollowAsync(sent);
            Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
            Assert.Equal(stored, CommentSteps.ReceiptOn(thanksHtml));

            var (unavailable, html) = await session.GetAsync(CommentSteps.FormUrl);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), unavailable.Headers.RetryAfter?.Delta);
            Assert.Contains("ただいま意見を受け付けられません", HtmlText.MainText(html));
            Assert.Contains("そのときの受付番号が表示されます", HtmlText.MainText(html));
            Assert.DoesNotContain("Exception", html);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(database, recursive: true);
            foreach (var file in files)
            {
                File.Delete(file);
                if (File.Exists(file + ".away"))
                {
                    File.Move(file + ".away", file);
                }
            }
        }

        var (again, _) = await session.PostAsync(send);
        Assert.Equal(stored, CommentSteps.ReceiptOn((await session.FollowAsync(again)).Html));
        Assert.Single(await portal.CommentsAsync());
    }
}
