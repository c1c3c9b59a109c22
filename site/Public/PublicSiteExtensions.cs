using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace UedaPublicGoals.Public;

public static class PublicSiteExtensions
{
    public const string PublishedPagePolicy = "PublishedPage";

    public static WebApplicationBuilder AddPublicSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddControllersWithViews();
        // Indexed asp-for (the goal and survey editors) read without compiling an expression per field per render.
        builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.IModelExpressionProvider, Kernel.Forms.IndexedModelExpressionProvider>();

        // Japanese text goes out as UTF-8, not as &#x…; entities. HTML-significant
        // characters (< > & " ') are still encoded everywhere.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddSettings<SiteOptions>(SiteOptions.Section)
            .PostConfigure(o => o.ServerOrigin = Feedback.ServerOrigin.FromUrls(builder.Configuration["urls"]))
            .Validate(o => o.HasValidPublicBaseUrl, "Site:PublicBaseUrl must be an origin such as https://goals.example.jp (scheme and host, no path).");
        builder.Services.Configure<RouteOptions>(o => o.ConstraintMap["slug"] = typeof(SlugRouteConstraint));
        builder.Services.AddSingleton<ReservedPathSegments>();

        // Views live beside their feature: /Public/Views/{controller}/{view}.cshtml.
        builder.Services.Configure<RazorViewEngineOptions>(o =>
        {
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Public/Views/{1}/{0}.cshtml");
            o.ViewLocationFormats.Add("/Public/Views/Shared/{0}.cshtml");
        });

        builder.Services.AddOutputCache(o =>
        {
            // Anonymous GETs of published pages only. Tags are added per document by the
            // controllers, so a publish evicts exactly the pages it changes. Compression runs inside
            // the cache, so the stored bytes differ by Accept-Encoding; furigana pages are their own variant.
            o.AddPolicy(PublishedPagePolicy, b => b.Expire(TimeSpan.FromHours(1)).SetVaryByHost(true).SetVaryByHeader(HeaderNames.AcceptEncoding)
                .VaryByValue(Japanese.Furigana.FuriganaMode.CacheVariant));
        });

        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/xml"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }
}
