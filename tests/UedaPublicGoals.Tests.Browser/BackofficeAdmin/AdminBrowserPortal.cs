using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UedaPublicGoals.Content.Media;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Backoffice;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.BackofficeAdmin;

/// <summary>
/// The portal on Kestrel with a known first administrator and something on every
/// administration page (two versions of a goal, a page in the recycle bin, an image),
/// plus one headless Debian Chromium. Separate from <see cref="BrowserPortal"/>, whose
/// site has no known administrator password.
/// </summary>
public sealed class AdminBrowserPortal : IAsyncLifetime
{
    public const string AdminEmail = "admin@example.jp";
    public const string AdminPassword = "kanri-sha no pasuwado 2024";

    private AdminKestrelFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri RootUri => factory?.RootUri ?? throw new InvalidOperationException("The portal has not started.");

    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The portal has not started.");

    public Guid KohoId { get; private set; }

    public string AdminUserId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserPortal.ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium was not found at {BrowserPortal.ChromiumPath}. Run ./test.sh, or: sudo apt-get install -y chromium fonts-noto-cjk");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        factory = new AdminKestrelFactory();
        var serverStart = Task.Run(factory.Start);
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

        await SeedAsync();
    }

    private async Task SeedAsync()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var site = Services.GetRequiredService<PublishedContentCache>().Current;
        KohoId = site.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("koho")!.DocumentId;
        AdminUserId = await db.Users.Where(u => u.Email == AdminEmail).Select(u => u.Id).SingleAsync();

        var draft = await store.GetDraftAsync<GoalContent>(KohoId);
        draft.Initiatives[0].Measures[0].Target = "記事を毎号10本以上掲載し、<読みやすさ>を工夫する";
        draft.Initiatives[1].MidtermReport = new ProgressReport { Text = "研修を1回実施した。", Status = ProgressStatus.OnTrack, ReportedOn = new DateOnly(2024, 10, 1) };
        await store.SaveDraftAsync(KohoId, draft, "kouhou@example.jp", note: "数値目標と中間報告");

        await store.MoveToRecycleBinAsync(site.FindPage("privacy")!.DocumentId, AdminEmail);
        var png = TestImages.Png(64, 48);
        await scope.ServiceProvider.GetRequiredService<MediaLibrary>().AddAsync(png, SniffOrThrow(png), "castle.png", "上田城跡公園の櫓", AdminEmail);
    }

    private static SniffedImage SniffOrThrow(byte[] bytes) => ImageSniffer.Sniff(bytes) ?? throw new InvalidOperationException("The test PNG was not recognised.");

    public async Task<IBrowserContext> NewContextAsync(int width, int height)
    {
        var context = await (browser ?? throw new InvalidOperationException("The browser has not started.")).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = RootUri.ToString(),
            Locale = "ja-JP",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(15_000);
        return context;
    }

    /// <summary>A page signed in as the first administrator, on the dashboard.</summary>
    public async Task<IPage> SignedInPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/backoffice/login");
        await page.FillAsync("#Email", AdminEmail);
        await page.FillAsync("#Password", AdminPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/backoffice/", StringComparison.Ordinal));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }

    private sealed class AdminKestrelFactory : WebApplicationFactory<Program>
    {
        private readonly string workDirectory = Directory.CreateTempSubdirectory("ueda-admin-browser-").FullName;

        public AdminKestrelFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

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
            builder.UseSetting("Backoffice:AdminEmail", AdminEmail);
            builder.UseSetting("Backoffice:AdminPassword", AdminPassword);
            builder.UseSetting("Media:StoragePath", Path.Combine(workDirectory, "media"));
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
                // A file still held open is left for the temp folder clean-up; not a test failure.
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AdminBrowserCollection : ICollectionFixture<AdminBrowserPortal>
{
    public const string Name = "Backoffice administration browser";
}
