using System.Collections.Concurrent;
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

    private readonly ConcurrentDictionary<string, Lazy<Task<Cookie[]>>> sessions = new(StringComparer.Ordinal);

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
        // Content staff land on the dashboard, 総合計画担当 on the inbox; a refused sign-in stays on the login page.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/backoffice/login");
        return page;
    }

    /// <summary>
    /// Gives <paramref name="context"/> a backoffice session of <paramref name="email"/> and opens the dashboard
    /// (/backoffice/) in a new page, for tests about what staff do once signed in.
    /// </summary>
    /// <remarks>
    /// Only the first call for an account in this fixture signs in through the login form (<see cref="LogInAsync"/>,
    /// three page loads); later contexts get a copy of that session's cookies, as a second tab would. The site
    /// accepts every copy of a session cookie until the session ends, so a test that signs out, changes the
    /// password or ends sessions must sign in with <see cref="LogInAsync"/> itself, never through this.
    /// </remarks>
    public async Task<IPage> SignedInPageAsync(IBrowserContext context, string email, string password)
    {
        await SignInAsync(context, email, password);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/backoffice/");
        return page;
    }

    /// <summary>
    /// Gives <paramref name="context"/> a backoffice session of <paramref name="email"/> without opening a page (see
    /// <see cref="SignedInPageAsync"/>), for a test whose first page is elsewhere; checks the session is still open.
    /// </summary>
    public async Task SignInAsync(IBrowserContext context, string email, string password)
    {
        var session = sessions.GetOrAdd(email, _ => new Lazy<Task<Cookie[]>>(() => SignInThroughTheFormAsync(email, password)));
        Cookie[] cookies;
        try
        {
            cookies = await session.Value;
        }
        catch
        {
            // A failed first sign-in is not kept: the next test tries the form again and reports its own failure.
            sessions.TryRemove(new KeyValuePair<string, Lazy<Task<Cookie[]>>>(email, session));
            throw;
        }

        await context.AddCookiesAsync(cookies);

        // Without this a test whose session had ended would quietly check the login page instead.
        var dashboard = await context.APIRequest.GetAsync("/backoffice/", new() { MaxRedirects = 0 });
        Assert.True(dashboard.Status == 200, $"The shared session of {email} no longer signs in: /backoffice/ answered {dashboard.Status}.");
    }

    private async Task<Cookie[]> SignInThroughTheFormAsync(string email, string password)
    {
        await using var context = await NewContextAsync(1280, 900);
        await LogInAsync(context, email, password);
        return [.. (await context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            Expires = c.Expires,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        })];
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
