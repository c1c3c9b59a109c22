using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>
/// The real site (SQLite file, real pipeline) set up for the comment form: a clock the test moves,
/// a client address (TestServer has none), generous rate limits unless a test sets them, and
/// optionally a real SMTP server on loopback.
/// </summary>
public sealed class FeedbackPortal : PortalFactory
{
    public const string ClientAddress = "203.0.113.7";

    public ManualClock Clock { get; } = new();

    public SmtpTestServer? Smtp { get; init; }

    /// <summary>Extra configuration, e.g. ["Feedback:AntiSpam:ProofOfWork"] = "On".</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Feedback:AntiSpam:ProofOfWork", "Off");
        builder.UseSetting("Feedback:AntiSpam:RateLimit:PermitLimit", "1000");
        builder.UseSetting("Feedback:Privacy:ClientHashSalt", "integration-test-salt");
        foreach (var (key, value) in Smtp?.PortalSettings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, FixedClientAddress>();
        });
    }

    public FormSession OpenSession() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<T> WithDbAsync<T>(Func<FeedbackDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>());
    }

    public Task WithDbAsync(Func<FeedbackDbContext, Task> work) => WithDbAsync(async db => { await work(db); return true; });

    public Task<List<Comment>> CommentsAsync() => WithDbAsync(db => db.Comments.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    public Task<Consultation> ComprehensivePlanAsync() =>
        WithDbAsync(db => db.Consultations.AsNoTracking().SingleAsync(c => c.Slug == FeedbackSeeder.ComprehensivePlanSlug));

    public Task UpdateConsultationAsync(Action<Consultation> change) => WithDbAsync(async db =>
    {
        var consultation = await db.Consultations.SingleAsync(c => c.Slug == FeedbackSeeder.ComprehensivePlanSlug);
        change(consultation);
        await db.SaveChangesAsync();
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Smtp is not null)
        {
            Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>TestServer requests have no remote address; give them one, as Kestrel would.</summary>
    private sealed class FixedClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Parse(ClientAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
