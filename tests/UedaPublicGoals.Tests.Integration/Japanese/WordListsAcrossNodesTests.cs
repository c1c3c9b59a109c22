using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Content.Sync;
using UedaPublicGoals.Japanese;
using UedaPublicGoals.Tests.Integration.Backoffice.Admin;
using static UedaPublicGoals.Tests.Integration.Japanese.JapanesePortal;

namespace UedaPublicGoals.Tests.Integration.Japanese;

/// <summary>
/// Two nodes on one database: a glossary term or a reading saved on one node reaches the other's pages
/// through the outbox (one poll), with no restart.
/// </summary>
public sealed class WordListsAcrossNodesTests
{
    /// <summary>The tests run node B's poller passes themselves.</summary>
    private static readonly Dictionary<string, string> ManualPolling = new() { ["Content:Sync:PollInterval"] = "01:00:00" };

    [Fact]
    public async Task A_glossary_term_and_a_reading_saved_on_one_node_show_on_the_other_after_one_poll()
    {
        using var nodeA = new AdminPortal { Settings = ManualPolling };
        using var nodeB = new AdminPortal { Settings = new Dictionary<string, string>(ManualPolling) { ["Database:ConnectionString"] = nodeA.SqliteConnectionString } };
        var clientB = CookielessClient(nodeB);
        var goal = GoalPath("gakuen-toshi");
        var pollerB = nodeB.Services.GetRequiredService<CacheInstructionPoller>();
        Assert.Contains("長野大学(ながのだいがく)", Rubies(await PageAsync(clientB, goal + "?furigana=on")));
        Assert.DoesNotContain("学園都市", (await PageAsync(clientB, "/yogo/")).QuerySelectorAll("dfn").Select(d => d.TextContent));
        await pollerB.PollOnceAsync(); // settle the starting point

        var staff = await nodeA.SessionAsync(BackofficeRoles.PublicRelations);
        var term = await staff.PostFormAsync("/backoffice/glossary/new", "/backoffice/glossary/new", new() { ["Term"] = "学園都市", ["Definition"] = "大学などの学校を中心にして、学びと研究を生かしたまちづくりを進める都市のことです。", ["Publish"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, term.StatusCode);
        var reading = await staff.PostFormAsync("/backoffice/readings", "/backoffice/readings", new() { ["Form.Word"] = "長野大学", ["Form.Value"] = "ながのおおがく" });
        Assert.Equal(HttpStatusCode.Redirect, reading.StatusCode);

        // Saved with its outbox rows, under the reserved ids that no document has.
        var outbox = await nodeA.QueryAsync(db => db.CacheInstructions.Select(i => i.DocumentId).ToListAsync());
        Assert.Contains(JapaneseWordListChange.WordLists, outbox);
        Assert.Contains(JapaneseWordListChange.Readings, outbox);
        Assert.Null(await nodeA.QueryAsync(db => db.Documents.SingleOrDefaultAsync(d => d.Id == JapaneseWordListChange.WordLists || d.Id == JapaneseWordListChange.Readings)));

        // Node B still serves its cached pages until it polls; then both changes are there.
        Assert.DoesNotContain("学園都市", (await PageAsync(clientB, "/yogo/")).QuerySelectorAll("dfn").Select(d => d.TextContent));
        Assert.Equal(2, await pollerB.PollOnceAsync());
        Assert.Contains("学園都市", (await PageAsync(clientB, "/yogo/")).QuerySelectorAll("dfn").Select(d => d.TextContent));
        Assert.Contains("学園都市", (await PageAsync(clientB, goal)).QuerySelectorAll("a.glossary-term").Select(a => a.TextContent));
        var rubies = Rubies(await PageAsync(clientB, goal + "?furigana=on"));
        Assert.Contains("長野大学(ながのおおがく)", rubies);
        Assert.DoesNotContain("長野大学(ながのだいがく)", rubies);
    }
}
