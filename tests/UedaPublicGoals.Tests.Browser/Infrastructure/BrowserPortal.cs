using Microsoft.Playwright;
using UedaPublicGoals.Tests.Common;

namespace UedaPublicGoals.Tests.Browser.Infrastructure;

/// <summary>
/// One Kestrel-hosted site and one headless Debian Chromium (both are slow to start); every test
/// opens its own browser context. The public-page tests use it as it is; fixtures whose tests
/// change content or need other settings derive from it (<see cref="Settings"/>,
/// <see cref="OnStartedAsync"/>) so that their changes never leak into the public pages' tests.
/// </summary>
/// <remarks>
/// Playwright never downloads a browser here: it launches the system Chromium through
/// <see cref="ChromiumPath"/>. When that file is missing every test fails with a message
/// that says to run ./test.sh, which installs the chromium and fonts-noto-cjk packages.
/// </remarks>
public class BrowserPortal : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
    ];

    private KestrelPortalFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri RootUri => factory?.RootUri ?? throw new InvalidOperationException("The portal has not started.");

    /// <summary>Extra site configuration for a derived fixture.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>The running site's services, for tests that set up accounts or data the public pages cannot create.</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The portal has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. The browser tests use Debian's chromium package " +
                "(Playwright is not allowed to download a browser). Run ./test.sh from the repository root, " +
                "which installs chromium and fonts-noto-cjk, or: sudo apt-get install -y chromium fonts-noto-cjk");
        }

        // Belt and braces: nothing in this suite may fetch a browser build.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        factory = new KestrelPortalFactory { Settings = Settings };
        var serverStart = Task.Run(factory.Start);

        try
        {
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 30_000,
            });
        }
        finally
        {
            // Never leave the server starting in the background, even when the browser failed.
            await serverStart;
        }

        await OnStartedAsync();
    }

    /// <summary>Runs once the site and the browser are up: accounts or content a derived fixture needs.</summary>
    protected virtual Task OnStartedAsync() => Task.CompletedTask;

    /// <summary>Opens a page in <paramref name="context"/> and signs in to the backoffice through the login form, as a person would.</summary>
    public static async Task<IPage> LogInAsync(IBrowserContext context, string email, string password)
    {
        var page = await context.NewPageAsync();
        await page.OpenAsync("/backoffice/login");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/backoffice/");
        return page;
    }

    /// <summary>A fresh context (own cookies, cache, viewport) whose relative URLs resolve against the portal.</summary>
    public Task<IBrowserContext> NewContextAsync(int width, int height, bool javaScriptEnabled = true, bool bypassCsp = false) =>
        NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScriptEnabled,
            BypassCSP = bypassCsp,
        });

    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        options.BaseURL = RootUri.ToString();
        options.Locale ??= "ja-JP";
        options.DeviceScaleFactor ??= 1;
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(15_000);
        return context;
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
}

[CollectionDefinition(Name)]
public sealed class BrowserPortalCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "Browser portal";
}
