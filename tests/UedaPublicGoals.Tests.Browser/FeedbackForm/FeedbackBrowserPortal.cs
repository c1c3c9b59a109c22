using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.FeedbackForm;

/// <summary>
/// The site on Kestrel for the comment form's browser tests, with the proof-of-work switched on
/// (so feedback-pow.js really solves it in Chromium) and the time trap off (a test types faster
/// than a person); plus its own headless Chromium. Separate from <see cref="BrowserPortal"/>
/// because those settings must not change the other pages' tests.
/// </summary>
public sealed class FeedbackBrowserPortal : IAsyncLifetime
{
    private readonly Site site = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public IServiceProvider Services => site.Services;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserPortal.ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium was not found at {BrowserPortal.ChromiumPath}: run ./test.sh, which installs it.");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var serverStart = Task.Run(site.Start);
        try
        {
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserPortal.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
                Timeout = 30_000,
            });
        }
        finally
        {
            await serverStart;
        }
    }

    public async Task<IPage> NewPhonePageAsync(bool javaScriptEnabled = true)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.RootUri.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            Locale = "ja-JP",
            DeviceScaleFactor = 1,
            JavaScriptEnabled = javaScriptEnabled,
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task WithDbAsync(Func<FeedbackDbContext, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>());
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await site.DisposeAsync();
    }

    private sealed class Site : WebApplicationFactory<Program>
    {
        private readonly string workDirectory = Directory.CreateTempSubdirectory("ueda-feedback-browser-").FullName;

        public Site() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

        public Uri RootUri { get; private set; } = null!;

        public void Start()
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).First(a => a.Port > 0);
            RootUri = new Uri($"http://127.0.0.1:{address.Port}/");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(workDirectory, "portal.db")}");
            builder.UseSetting("Content:SeedPath", RepositoryPaths.ContentSeed);
            builder.UseSetting("Site:PublicBaseUrl", "https://goals.example.jp");
            builder.UseSetting("Backoffice:TwoFactor:RequiredRoles", ""); // 2FA enrolment is covered by the integration tests
            builder.UseSetting("Feedback:AntiSpam:ProofOfWork", "On");
            builder.UseSetting("Feedback:AntiSpam:MinimumFillSeconds", "0");
            builder.UseSetting("Feedback:AntiSpam:RateLimit:PermitLimit", "1000");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(workDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp folder clean-up.
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FeedbackBrowserCollection : ICollectionFixture<FeedbackBrowserPortal>
{
    public const string Name = "Feedback browser portal";
}
