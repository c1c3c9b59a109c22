using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Feedback.Surveys;
using UedaPublicGoals.Tests.Integration.Feedback.Inbox;
using UedaPublicGoals.Tests.Integration.Feedback.PublicSide;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Surveys;

/// <summary>Only 総合計画担当 and 管理者 reach the survey pages of the backoffice; every POST needs the antiforgery token.</summary>
public sealed class SurveyAccessTests : PublishedSurveyTests
{
    private long answerSetId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SurveySteps.AnswerAsync(Portal, Survey);
        answerSetId = await Portal.WithDbAsync(db => db.SurveyAnswerSets.Select(s => s.Id).SingleAsync());
    }

    private IEnumerable<string> Pages() =>
    [
        SurveySteps.StaffRoot,
        SurveySteps.StaffRoot + "/new",
        $"{SurveySteps.StaffRoot}/{Survey.Id}",
        $"{SurveySteps.StaffRoot}/{Survey.Id}/results",
        $"{SurveySteps.StaffRoot}/{Survey.Id}/paper",
        $"{SurveySteps.StaffRoot}/answers/{answerSetId}",
    ];

    private IEnumerable<string> FormActions() =>
    [
        SurveySteps.StaffRoot + "/new",
        $"{SurveySteps.StaffRoot}/{Survey.Id}",
        $"{SurveySteps.StaffRoot}/{Survey.Id}/publish",
        $"{SurveySteps.StaffRoot}/{Survey.Id}/close",
        $"{SurveySteps.StaffRoot}/{Survey.Id}/export",
        $"{SurveySteps.StaffRoot}/{Survey.Id}/paper",
    ];

    [Theory]
    [InlineData(BackofficeRoles.PublicRelations)]
    [InlineData(BackofficeRoles.DepartmentAuthor)]
    public async Task Other_backoffice_roles_get_403_on_every_survey_page_and_form_even_with_a_valid_token(string role)
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(Portal, role);
        foreach (var path in Pages())
        {
            Assert.True((await session.Client.GetAsync(path)).StatusCode == HttpStatusCode.Forbidden, $"GET {path} as {role}");
        }

        var token = await session.AntiforgeryTokenAsync("/backoffice/account/password");
        var auditBefore = (await InboxTestData.AuditAsync(Portal)).Count;
        foreach (var action in FormActions())
        {
            var response = await session.Client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["format"] = "csv" }));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {action} as {role}: {response.StatusCode}");
        }

        Assert.Equal(auditBefore, (await InboxTestData.AuditAsync(Portal)).Count);
    }

    [Theory]
    [InlineData(BackofficeRoles.PlanningOfficer)]
    [InlineData(BackofficeRoles.Administrator)]
    public async Task The_two_consultation_roles_open_every_survey_page(string role)
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(Portal, role);
        foreach (var path in Pages())
        {
            Assert.True((await session.Client.GetAsync(path)).StatusCode == HttpStatusCode.OK, $"GET {path} as {role}");
        }
    }

    [Fact]
    public async Task Every_survey_form_post_without_an_antiforgery_token_is_refused_with_400()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(Portal);
        foreach (var action in FormActions())
        {
            var response = await session.Client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["format"] = "csv" }));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {action}: {response.StatusCode}");
        }
    }
}
