using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Kernel.Audit;
using UedaPublicGoals.Tests.Integration.Feedback.Inbox;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>
/// Every audit action of the host and of the feedback module has a Japanese label in the log viewer and an
/// entry in its filter: both register into one catalogue, so a new action cannot be left as a raw code.
/// </summary>
public sealed class AuditActionCatalogTests : IDisposable
{
    private readonly AdminPortal portal = new();

    public void Dispose() => portal.Dispose();

    /// <summary>
    /// Every string constant in the host and module assemblies that holds an audit action key: the constants
    /// of any *AuditActions class, and any constant named like one (AuditAction, …AuditAction) wherever it lives.
    /// </summary>
    private static List<(string Name, string Action)> DeclaredActionKeys() =>
        new[] { typeof(AuditActions).Assembly, typeof(InboxAuditActions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
                .Where(f => type.Name.EndsWith("AuditActions", StringComparison.Ordinal) || f.Name.Contains("AuditAction", StringComparison.Ordinal))
                .Select(f => ($"{type.Name}.{f.Name}", (string)f.GetRawConstantValue()!)))
            .ToList();

    [Fact]
    public async Task Every_action_key_of_host_and_module_has_a_Japanese_label_and_a_filter_entry()
    {
        var declared = DeclaredActionKeys();
        Assert.Contains(declared, d => d.Action == AuditActions.ContentPublish);
        Assert.Contains(declared, d => d.Action == InboxAuditActions.Export);
        Assert.Contains(declared, d => d.Action == InboxAuditActions.ResponseMail);
        var catalog = portal.Services.GetRequiredService<AuditActionCatalog>();
        var admin = await portal.AdminAsync();

        var filter = HtmlText.Parse(await admin.Client.GetStringAsync("/backoffice/audit")).QuerySelectorAll("select[name=action] option")
            .ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent.Trim());

        foreach (var (name, action) in declared)
        {
            Assert.True(catalog.Knows(action), $"{name} ({action}) is not in the audit action catalogue");
            Assert.NotEqual(action, catalog.Label(action));
            Assert.True(filter.TryGetValue(action, out var label), $"{name} ({action}) has no entry in the audit log filter");
            Assert.Equal(catalog.Label(action), label);
            Assert.DoesNotMatch("^[a-z0-9.-]+$", label);
        }

        Assert.Equal(declared.Count + 1, filter.Count); // plus 「すべての操作」
    }

    [Fact]
    public void A_holder_with_an_unlabelled_key_stops_start_up()
    {
        var problem = Assert.Throws<InvalidOperationException>(() => new AuditActionCatalog([new AuditActionHolder(typeof(UnlabelledActions))]).All);
        Assert.Contains("UnlabelledActions.Forgotten", problem.Message);
    }

    [Fact]
    public async Task Inbox_actions_show_their_Japanese_label_and_can_be_filtered()
    {
        var (officer, _) = await InboxTestData.LogInOfficerAsync(portal);
        var comment = await InboxTestData.AddCommentAsync(portal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await InboxHandlingTests.SaveHandlingAsync(officer, comment, new() { ["Handling.Status"] = "Reviewed" })).StatusCode);
        var export = await officer.PostFormAsync("/backoffice/feedback", "/backoffice/feedback/export", new() { ["Format"] = "csv" });
        Assert.True(export.IsSuccessStatusCode);
        var admin = await portal.AdminAsync();

        var all = HtmlText.MainText(await admin.Client.GetStringAsync("/backoffice/audit"));
        Assert.Contains("意見の書き出し", all);
        Assert.Contains("意見の状態変更", all);
        Assert.DoesNotContain(InboxAuditActions.Export, all);
        Assert.DoesNotContain(InboxAuditActions.Status, all);

        var exports = HtmlText.Parse(await admin.Client.GetStringAsync($"/backoffice/audit?action={InboxAuditActions.Export}"))
            .QuerySelectorAll(".audit-table tbody tr").Select(r => r.QuerySelector("td[data-label='操作']")!.TextContent.Trim()).ToList();
        Assert.Equal(["意見の書き出し"], exports);
    }

    private static class UnlabelledActions
    {
        [AuditLabel("ラベルあり")]
        public const string Labelled = "test.labelled";
        public const string Forgotten = "test.forgotten";
    }
}
