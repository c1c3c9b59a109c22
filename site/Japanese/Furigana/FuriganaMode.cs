namespace UedaPublicGoals.Japanese.Furigana;

/// <summary>
/// Whether a request reads the furigana variant: <c>?furigana=on</c> / <c>?furigana=off</c> on any
/// public page (a plain link, no JavaScript), remembered for the visit by a session cookie.
/// </summary>
public static class FuriganaMode
{
    public const string QueryKey = "furigana";
    public const string CookieName = "furigana";
    public const string On = "on";
    public const string Off = "off";

    /// <summary>Set by the page rewriter for the layout: is the switch offered, and is this page the furigana variant.</summary>
    public const string ItemKey = "Japanese.Furigana";

    public static bool Requested(HttpContext context)
    {
        var asked = context.Request.Query[QueryKey].ToString();
        return asked switch
        {
            On => true,
            Off => false,
            _ => context.Request.Cookies[CookieName] == On,
        };
    }

    /// <summary>Output-cache variant: the plain and the furigana page are cached separately.</summary>
    public static KeyValuePair<string, string> CacheVariant(HttpContext context) =>
        new(QueryKey, Requested(context) ? On : Off);

    /// <summary>The current page's URL with the switch set (other query values kept, e.g. the search words).</summary>
    public static string SwitchUrl(HttpRequest request, bool furigana)
    {
        var query = request.Query
            .Where(q => q.Key != QueryKey)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>(QueryKey, furigana ? On : Off));
        return request.PathBase + request.Path + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }

    /// <summary>Remembers an explicit choice for the visit (a session cookie); nothing is set when it is already remembered.</summary>
    public static void Remember(HttpContext context)
    {
        var asked = context.Request.Query[QueryKey].ToString();
        var remembered = context.Request.Cookies[CookieName];
        if (asked == On && remembered != On)
        {
            context.Response.Cookies.Append(CookieName, On, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
        }
        else if (asked == Off && remembered is not null)
        {
            context.Response.Cookies.Delete(CookieName);
        }
    }
}
