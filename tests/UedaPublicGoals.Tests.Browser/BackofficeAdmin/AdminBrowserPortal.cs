using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UedaPublicGoals.Content.Media;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Browser.Infrastructure;
using UedaPublicGoals.Tests.Common;

namespace UedaPublicGoals.Tests.Browser.BackofficeAdmin;

/// <summary>
/// The portal with something on every administration page (two versions of a goal, a page in
/// the recycle bin, an image), signed in as the first administrator
/// (<see cref="PortalFactory.AdminEmail"/>).
/// </summary>
public sealed class AdminBrowserPortal : BrowserPortal
{
    public const string AdminEmail = PortalFactory.AdminEmail;
    public const string AdminPassword = PortalFactory.DefaultAdminPassword;

    public Guid KohoId { get; private set; }

    public string AdminUserId { get; private set; } = "";

    protected override async Task OnStartedAsync()
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

    /// <summary>A page signed in as the first administrator, on the dashboard.</summary>
    public Task<IPage> SignedInPageAsync(IBrowserContext context) => SignedInPageAsync(context, AdminEmail, AdminPassword);

    /// <summary>Signs <paramref name="context"/> in as the first administrator, for a test that opens its own first page.</summary>
    public Task SignInAsync(IBrowserContext context) => SignInAsync(context, AdminEmail, AdminPassword);
}

[CollectionDefinition(Name)]
public sealed class AdminBrowserCollection : ICollectionFixture<AdminBrowserPortal>
{
    public const string Name = "Backoffice administration browser";
}
