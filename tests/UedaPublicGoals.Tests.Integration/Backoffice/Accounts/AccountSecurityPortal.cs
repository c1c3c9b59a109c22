using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Accounts;

/// <summary>
/// The portal as it stands behind a TLS-terminating reverse proxy: every connection comes from
/// <see cref="ProxyAddress"/> (TestServer has no socket), and clients are told apart by the
/// X-Forwarded-For the proxy adds, believed only when the proxy is configured.
/// </summary>
public sealed class AccountSecurityPortal : PortalFactory
{
    public const string ProxyAddress = "10.0.0.5";

    public string Environment { get; init; } = "Testing";

    public Dictionary<string, string> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ProxyConnectionStartupFilter>());
    }

    /// <summary>A client that keeps cookies, as one browser at <paramref name="clientAddress"/> behind the proxy.</summary>
    public BackofficeSession Browser(string clientAddress)
    {
        var session = BackofficeSession.Open(this);
        session.Client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return session;
    }

    /// <summary>Enrols the signed-in user's authenticator as a person would: reads the key off the page, sends the current code.</summary>
    public static async Task<(string Key, HttpResponseMessage Response)> EnrolTwoFactorAsync(BackofficeSession session)
    {
        var page = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/account/two-factor"));
        var key = page.QuerySelector(".shared-key")!.TextContent;
        var response = await session.Client.PostAsync("/backoffice/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
        }));
        return (key, response);
    }

    public async Task<T> WithUsersAsync<T>(Func<UserManager<PortalUser>, PortalDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>(), scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public Task<int> SessionCountAsync(string email) =>
        WithUsersAsync(async (users, db) =>
        {
            var user = await users.FindByEmailAsync(email);
            return await db.StaffSessions.CountAsync(s => s.UserId == user!.Id);
        });

    private sealed class ProxyConnectionStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ProxyAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
