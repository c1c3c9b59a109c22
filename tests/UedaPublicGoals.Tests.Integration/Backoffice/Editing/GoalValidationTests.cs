using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Editing;

/// <summary>Wrong input is explained in Japanese next to the field and in the summary, comes back as typed, and nothing is saved.</summary>
public sealed class GoalValidationTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private string Koho => $"/backoffice/goals/{EditorPages.GoalId(portal, EditorPages.Koho)}";

    private async Task<BackofficeSession> PublicRelationsAsync() =>
        await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);

    [Fact]
    public async Task Wrong_values_are_explained_next_to_each_field_kept_as_typed_and_nothing_is_saved()
    {
        var session = await PublicRelationsAsync();
        var id = EditorPages.GoalId(portal, EditorPages.Koho);
        var auditBefore = await EditorPages.InDatabaseAsync(portal, db => db.AuditEntries.CountAsync());
        var form = await session.ReadFormAsync(Koho);
        form = EditorPages.FormOf(HtmlText.Parse(await (await session.PostAsync(Koho, form.With("command", "add-measurement:1.3.1"))).Content.ReadAsStringAsync()));
        form.Without("command");

        const string kpi = "Initiatives[0].Measures[2].Kpis[0]";
        form["Title"] = "";
        form["Priority"] = "四位";
        form["Slug"] = "Koho_2024";
        form[$"{kpi}.Target"] = "たくさん";
        form[$"{kpi}.Baseline"] = "13,967";                        // thousands separators are fine
        form[$"{kpi}.Measurements[0].Date"] = "2024-02-30";
        form[$"{kpi}.Measurements[0].Value"] = "15200人";
        form["Initiatives[0].Title"] = new string('あ', 201);
        form["Initiatives[0].MidtermReport.Status"] = "OnTrack";   // a status without a report text
        form["Initiatives[1].FinalReport.Text"] = "状況を選ばずに書いた本文";
        form["CurrentSituation"] = new string('い', 4001);

        var response = await session.PostAsync(Koho, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("入力内容を確認してください", page.QuerySelector(".error-summary h2")!.TextContent);
        EditorPages.AssertFieldError(page, "Title", "重点目標を入力してください。");
        EditorPages.AssertFieldError(page, "Priority", "1から99までの数字");
        EditorPages.AssertFieldError(page, "Slug", "半角英小文字・数字");
        EditorPages.AssertFieldError(page, $"{kpi}.Target", "数値で入力してください");
        EditorPages.AssertFieldError(page, $"{kpi}.Measurements[0].Date", "存在する日付");
        EditorPages.AssertFieldError(page, $"{kpi}.Measurements[0].Value", "数値で入力してください");
        EditorPages.AssertFieldError(page, "Initiatives[0].Title", "200文字以内");
        EditorPages.AssertFieldError(page, "Initiatives[0].MidtermReport.Text", "取組項目①の中間報告の本文を入力してください。");
        EditorPages.AssertFieldError(page, "Initiatives[1].FinalReport.Status", "進捗状況を選んでください");
        EditorPages.AssertFieldError(page, "CurrentSituation", "4,000文字以内");
        Assert.Null(page.GetElementById(EditorPages.FieldId($"{kpi}.Baseline") + "-error"));

        // What was typed comes back as typed.
        var again = EditorPages.FormOf(page);
        Assert.Equal("四位", again["Priority"]);
        Assert.Equal("Koho_2024", again["Slug"]);
        Assert.Equal("たくさん", again[$"{kpi}.Target"]);
        Assert.Equal("15200人", again[$"{kpi}.Measurements[0].Value"]);
        Assert.Equal("2024-02-30", again[$"{kpi}.Measurements[0].Date"]);
        Assert.Equal("OnTrack", again["Initiatives[0].MidtermReport.Status"]);
        Assert.Equal("状況を選ばずに書いた本文", again["Initiatives[1].FinalReport.Text"]);

        var document = await EditorPages.DocumentAsync(portal, id);
        Assert.Equal(1, document.DraftVersion);
        Assert.Equal("koho", document.Slug);
        Assert.Equal(auditBefore, await EditorPages.InDatabaseAsync(portal, db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Dates_must_fall_in_the_fiscal_year_and_a_kpi_has_one_value_per_date()
    {
        var session = await PublicRelationsAsync();
        var form = await session.ReadFormAsync(Koho);
        form = EditorPages.FormOf(HtmlText.Parse(await (await session.PostAsync(Koho, form.With("command", "add-measurement:1.3.1"))).Content.ReadAsStringAsync()));
        form = EditorPages.FormOf(HtmlText.Parse(await (await session.PostAsync(Koho, form.With("command", "add-measurement:1.3.1"))).Content.ReadAsStringAsync()));
        form.Without("command");

        const string measurements = "Initiatives[0].Measures[2].Kpis[0].Measurements";
        form[$"{measurements}[0].Date"] = "2024-10-01";
        form[$"{measurements}[0].Value"] = "15200";
        form[$"{measurements}[1].Date"] = "2024-10-01";
        form[$"{measurements}[1].Value"] = "15300";
        form["Initiatives[0].MidtermReport.Status"] = "OnTrack";
        form["Initiatives[0].MidtermReport.Text"] = "順調です。";
        form["Initiatives[0].MidtermReport.ReportedOn"] = "2023-12-01";
        form["Initiatives[0].FinalReport.Status"] = "Achieved";
        form["Initiatives[0].FinalReport.Text"] = "達成しました。";
        form["Initiatives[0].FinalReport.ReportedOn"] = "2025-05-20"; // after the year closed: allowed for 期末報告

        var page = HtmlText.Parse(await (await session.PostAsync(Koho, form)).Content.ReadAsStringAsync());
        EditorPages.AssertFieldError(page, $"{measurements}[1].Date", "同じ日付の実績がすでにあります");
        EditorPages.AssertFieldError(page, "Initiatives[0].MidtermReport.ReportedOn", "令和6年度（2024年4月1日～2025年3月31日）の日付にしてください");
        Assert.Null(page.GetElementById(EditorPages.FieldId("Initiatives[0].FinalReport.ReportedOn") + "-error"));
        Assert.Equal(1, (await EditorPages.DocumentAsync(portal, EditorPages.GoalId(portal, EditorPages.Koho))).DraftVersion);
    }

    [Fact]
    public async Task A_slug_used_by_another_goal_of_the_year_is_refused_and_a_published_slug_changes_only_with_publish()
    {
        var session = await PublicRelationsAsync();
        var form = await session.ReadFormAsync(Koho);

        var duplicate = HtmlText.Parse(await (await session.PostAsync(Koho, form.With("Slug", "smart-city"))).Content.ReadAsStringAsync());
        EditorPages.AssertFieldError(duplicate, "Slug", "スラッグ「smart-city」は同じ場所の別の文書が使っています");

        var draftOnly = HtmlText.Parse(await (await session.PostAsync(Koho, form.With("Slug", "koho-2024"))).Content.ReadAsStringAsync());
        EditorPages.AssertFieldError(draftOnly, "Slug", "「保存して公開」を押してください");

        // A page may use a slug a goal has: the scopes differ.
        Assert.Equal("koho", (await EditorPages.DocumentAsync(portal, EditorPages.GoalId(portal, EditorPages.Koho))).Slug);
    }

    [Fact]
    public async Task An_SDG_number_outside_1_to_17_is_refused_and_the_choices_are_kept()
    {
        var session = await PublicRelationsAsync();
        var form = (await session.ReadFormAsync(Koho)).Add("SdgGoals", "9").Add("SdgGoals", "18");
        var page = HtmlText.Parse(await (await session.PostAsync(Koho, form)).Content.ReadAsStringAsync());
        Assert.Contains("1から17の中から選んでください", page.GetElementById("SdgGoals-error")!.TextContent);
        Assert.Contains("SdgGoals-error", page.GetElementById("SdgGoals")!.GetAttribute("aria-describedby"));
        Assert.True(page.QuerySelector("#SdgGoals_9")!.HasAttribute("checked"));
        Assert.Equal(1, (await EditorPages.DocumentAsync(portal, EditorPages.GoalId(portal, EditorPages.Koho))).DraftVersion);
    }

    [Fact]
    public async Task A_department_author_cannot_move_a_published_goal_to_another_url()
    {
        var email = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, null, await EditorPages.SeisakuKikakuIdAsync(portal));
        var session = await BackofficeSession.LogInAsync(portal, email);
        var editor = HtmlText.Parse(await session.Client.GetStringAsync(Koho));
        Assert.True(editor.GetElementById("Slug")!.HasAttribute("readonly"));

        var form = EditorPages.FormOf(editor).With("Slug", "koho-2024");
        var page = HtmlText.Parse(await (await session.PostAsync($"{Koho}/request-approval", form)).Content.ReadAsStringAsync());
        EditorPages.AssertFieldError(page, "Slug", "広報・管理者だけが変更できます");
        Assert.Equal(0, await EditorPages.InDatabaseAsync(portal, db => db.ApprovalRequests.CountAsync()));
    }
}
