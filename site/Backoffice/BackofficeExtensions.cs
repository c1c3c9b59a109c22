using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.Accounts.Passwords;
using UedaPublicGoals.Backoffice.Accounts.Sessions;
using UedaPublicGoals.Backoffice.Accounts.Throttling;
using UedaPublicGoals.Backoffice.Editing;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Infrastructure.Transport;

namespace UedaPublicGoals.Backoffice;

public static class BackofficeExtensions
{
    public const string PathPrefix = "/backoffice";

    public static WebApplicationBuilder AddBackoffice(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<BackofficeOptions>(BackofficeOptions.Section);
        services.AddSettings<StaffSessionOptions>(StaffSessionOptions.Section);
        services.AddSettings<LoginThrottlingOptions>(LoginThrottlingOptions.Section)
            .Validate(o => o.MaxDelay >= o.BaseDelay, "Backoffice:LoginThrottling:MaxDelay must not be shorter than BaseDelay.");
        services.AddSettings<PasswordStrengthOptions>(PasswordStrengthOptions.Section);
        services.AddSettings<TwoFactorOptions>(TwoFactorOptions.Section)
            .Validate(o => o.IsValid, "Backoffice:TwoFactor:RequiredRoles names a role that does not exist (use Administrator, PublicRelations, DepartmentAuthor, PlanningOfficer).");
        services.AddScoped<StaffSessions>();
        services.AddScoped<LoginThrottle>();
        services.AddHttpContextAccessor();
        services.AddScoped<AdminBootstrapper>();
        services.AddScoped<ContentTree.ContentTreeQuery>();
        services.AddScoped<History.DocumentEditAccess>();
        services.AddScoped<Structure.StructureService>();
        services.AddScoped<PublicationSets.PublicationSetService>();
        services.AddScoped<RecycleBin.RecycleBinQuery>();
        services.AddScoped<Users.UserAdministration>();
        services.AddSettings<Content.Media.MediaOptions>(Content.Media.MediaOptions.Section);
        services.AddScoped<Content.Media.MediaLibrary>();
        services.AddScoped<Content.Media.MediaUsageQuery>();
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
                // No hard lockout: anyone could lock the administrator out with five wrong passwords.
                // LoginThrottle slows and refuses guessing per address and per account instead.
                o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>()
            .AddPasswordValidator<NotEmailPasswordValidator>()
            .AddPasswordValidator<StrengthPasswordValidator>()
            .AddDefaultTokenProviders();

        // Every request checks its server-side session row and re-checks the security stamp, so
        // logout, a password or two-factor change, a disabled account or "end sessions" ends
        // every copy of the cookie at once (see StaffSessions).
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = StaffSessions.KeepSessionClaim;
        });
        var sessionSettings = builder.Configuration.GetSection(StaffSessionOptions.Section).Get<StaffSessionOptions>() ?? new StaffSessionOptions();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = TransportSecurity.HostOnlyCookieName(builder.Environment, "ueda.backoffice");
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = TransportSecurity.CookieSecurity(builder.Environment);
            o.ExpireTimeSpan = sessionSettings.IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = StaffSessions.ValidateAsync;
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

        // The cookie that carries a signed-in password step to the second factor is a credential too.
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = TransportSecurity.HostOnlyCookieName(builder.Environment, "ueda.2fa");
            o.Cookie.SecurePolicy = TransportSecurity.CookieSecurity(builder.Environment);
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
            o.Cookie.Name = TransportSecurity.HostOnlyCookieName(builder.Environment, "ueda.af");
            o.Cookie.SameSite = SameSiteMode.Strict;

            // Secure comes from the cookie policy (TransportSecurity): SecurePolicy.Always here would make
            // antiforgery throw on a plain-http request instead of answering it (e.g. a proxy not yet configured).
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
