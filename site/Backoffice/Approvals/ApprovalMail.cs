using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.Notifications;

namespace UedaPublicGoals.Backoffice.Approvals;

/// <summary>Approvals that reach people: 広報 hear of a new 承認依頼, the author hears of the decision.</summary>
public sealed class ApprovalMail(StaffMail mail)
{
    /// <summary>To every enabled 広報 account.</summary>
    public async Task RequestedAsync(ApprovalListItem item, CancellationToken ct = default)
    {
        var request = item.Request;
        var text = $"""
            承認依頼が届きました。内容を確かめて、承認（公開）するか差し戻してください。

            文書：{item.Title}
            場所：{item.Where}
            依頼された版：第{request.Version}版
            依頼者：{request.RequestedBy}
            依頼日時：{TokyoTime.LongDateTime(request.RequestedUtc)}
            {(string.IsNullOrEmpty(request.Note) ? "" : $"メッセージ：{request.Note}")}

            確認する：{mail.Link($"/backoffice/approvals/{request.Id}")}
            """;
        await mail.SendAsync(await mail.RoleAsync(BackofficeRoles.PublicRelations, ct), $"【承認依頼】{item.Title}（第{request.Version}版）", text, ct);
    }

    /// <summary>To the author of the request: approved (published) or sent back with the reviewer's comment.</summary>
    public async Task DecidedAsync(ApprovalListItem item, CancellationToken ct = default)
    {
        var request = item.Request;
        if (await mail.AccountAsync(request.RequestedBy, ct) is not { } address)
        {
            return;
        }

        var approved = request.Status == ApprovalStatus.Approved;
        var outcome = approved ? "承認され、公開されました" : "差し戻されました";
        var text = $"""
            {TokyoTime.LongDateTime(request.RequestedUtc)} に依頼した「{item.Title}」第{request.Version}版は、{request.DecidedBy} により{outcome}。
            {(approved ? "" : $"\n差し戻しの理由：\n{request.DecisionNote}\n\n直してから、編集画面で改めて承認依頼をしてください。")}
            編集画面：{mail.Link(item.EditorPath)}
            自分の依頼の一覧：{mail.Link(MyApprovalRequestsController.Path)}
            """;
        await mail.SendAsync([address], $"【承認依頼の結果】{item.Title}：{(approved ? "承認・公開" : "差し戻し")}", text, ct);
    }
}
