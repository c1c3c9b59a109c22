using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Japanese.Glossary;

/// <summary>/yogo/: every published term with its definition, each with an anchor the pages link to.</summary>
public sealed class GlossaryPageController(GlossaryCatalog catalog) : Controller
{
    public const string Path = "/yogo/";

    [HttpGetOrHead("/yogo")]
    [OutputCache(PolicyName = PublicSiteExtensions.PublishedPagePolicy)]
    public IActionResult Index()
    {
        if (!(Request.Path.Value ?? "").EndsWith('/'))
        {
            return RedirectPermanent(Path + Request.QueryString);
        }

        ViewData[nameof(PageMeta)] = new PageMeta("用語集", "このサイトに出てくる、むずかしい言葉や略語の意味をまとめています。", Path)
        {
            Breadcrumbs = [new("ホーム", "/"), new("用語集", null)],
        };
        return View("~/Japanese/Views/Public/Glossary.cshtml", catalog.Entries);
    }
}
