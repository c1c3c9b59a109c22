using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.Editing;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice;

public static class BackofficeExtensions
{
    public const string PathPrefix = "/backoffice";

    public static WebApplicationBuilder AddBackoffice(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<BackofficeOptions>(BackofficeOptions.Section);
        services.AddHttpContextAccessor();
        services.AddScoped<AdminBootstrapper>();
        services.AddScoped<ContentTree.ContentTreeQuery>();
        services.AddScoped<History.DocumentEditAccess>();
        services.AddScoped<Structure.StructureService>();
        services.AddScoped<RecycleBin.RecycleBinQuery>();
        services.AddScoped<Users.UserAdministration>();
        services.AddSettings<Content.Media.MediaOptions>(Content.Media.MediaOptions.Section);
        services.AddScoped<Content.Media.MediaLibrary>();
        builder.AddContentEditing();
        services.AddScoped<Import.SheetImporter>();
        services.AddScoped<Import.GoalSheetExport>();

        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                // Length over composition rules (NIST SP 800-63B): 12 characters, anything allowed.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>()
            .AddPasswordValidator<NotEmailPasswordValidator>()
            .AddDefaultTokenProviders();

        // Every request re-checks the security stamp, so a password change, a disabled
        // account or "end sessions" logs the other browsers out at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "ueda.backoffice";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = PathPrefix + "/login";
            o.LogoutPath = PathPrefix + "/logout";
            o.AccessDeniedPath = PathPrefix + "/denied";
            o.Events.OnRedirectToAccessDenied = context =>
            {
                // A signed-in user without the right role gets 403 and the Japanese error page, not a redirect.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments(PathPrefix + "/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });

        services.AddDataProtection()
            .SetApplicationName("UedaPublicGoals")
            .PersistKeysToDbContext<PortalDbContext>();

        services.AddAuthorization(BackofficePolicies.Add);

        services.Configure<MvcOptions>(o =>
        {
            // Every unsafe request (POST, PUT, DELETE) needs a valid antiforgery token: 400 otherwise.
            o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());

            // A save that lost a race answers with a Japanese notice, never a 500.
            o.Filters.Add<ContentConflictNotice>();
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ueda.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });

        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.ViewLocationFormats.Add("/Backoffice/Views/{1}/{0}.cshtml");
            o.ViewLocationFormats.Add("/Backoffice/Views/Shared/{0}.cshtml");
        });
        return builder;
    }

    /// <summary>
    /// Backoffice pages are never cached by anyone, and a signed-in user who must change
    /// their password or enrol in two-factor is held on that page until they do.
    /// </summary>
    public static IApplicationBuilder UseBackofficeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(PathPrefix))
            {
                await next(context);
                return;
            }

            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
                return Task.CompletedTask;
            });

            if (context.User.Identity?.IsAuthenticated == true && !IsAccountMaintenancePath(context.Request.Path))
            {
                var users = context.RequestServices.GetRequiredService<UserManager<PortalUser>>();
                var user = await users.GetUserAsync(context.User);
                if (user is not null)
                {
                    if (user.MustChangePassword)
                    {
                        context.Response.Redirect(PathPrefix + "/account/password?required=1");
                        return;
                    }

                    if (!user.TwoFactorEnabled && await TwoFactorRequiredAsync(context.RequestServices, users, user))
                    {
                        context.Response.Redirect(PathPrefix + "/account/two-factor?required=1");
                        return;
                    }
                }
            }

            await next(context);
        });

    public static async Task<bool> TwoFactorRequiredAsync(IServiceProvider services, UserManager<PortalUser> users, PortalUser user)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var roleName in await users.GetRolesAsync(user))
        {
            var role = await roles.FindByNameAsync(roleName);
            if (role is not null && (await roles.GetClaimsAsync(role)).Any(c => c.Type == BackofficeRoles.RequireTwoFactorClaim && c.Value == "true"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAccountMaintenancePath(PathString path) =>
        path.StartsWithSegments(PathPrefix + "/account/password")
        || path.StartsWithSegments(PathPrefix + "/account/two-factor")
        || path.StartsWithSegments(PathPrefix + "/logout")
        || path.StartsWithSegments(PathPrefix + "/login");
}
