using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace UedaPublicGoals.Backoffice.Approvals;

/// <summary>自分の依頼: the 承認依頼 the signed-in user made and what became of them. Only one's own.</summary>
[Route(Path)]
[Authorize(Policy = BackofficePolicies.EditContent)]
public sealed class MyApprovalRequestsController(ApprovalWorkflow approvals) : Controller
{
    public const string Path = "/backoffice/my-requests";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        ViewData["Title"] = "自分の依頼";
        return View("~/Backoffice/Views/Approvals/Mine.cshtml", await approvals.ListMineAsync(User.Identity!.Name!));
    }
}
