using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Achievement;

/// <summary>/tasseido/: the 達成度 rule in plain words, one tap from every grade tag.</summary>
public sealed class AchievementController(AchievementRule rule) : Controller
{
    [HttpGetOrHead(AchievementRule.ExplanationPath)]
    [OutputCache(PolicyName = PublicSiteExtensions.PublishedPagePolicy)]
    public IActionResult Explanation()
    {
        ViewData[nameof(PageMeta)] = new PageMeta("達成度の決め方", "数値目標の達成度（S・A・B・C・−）をどう決めているかの説明です。", AchievementRule.ExplanationPath)
        {
            Breadcrumbs = [new("ホーム", "/"), new("達成度の決め方", null)],
        };
        return View("~/Achievement/Views/Explanation.cshtml", rule.Settings);
    }
}
