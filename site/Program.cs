using UedaPublicGoals.Achievement;
using UedaPublicGoals.Api;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Backoffice;
using UedaPublicGoals.Content;
using UedaPublicGoals.Content.Redirects;
using UedaPublicGoals.Content.Seed;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Forms;
using UedaPublicGoals.Follow;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Infrastructure.FeedbackHost;
using UedaPublicGoals.Infrastructure.Startup;
using UedaPublicGoals.Infrastructure.Transport;
using UedaPublicGoals.InputSafety;
using UedaPublicGoals.OpenData;
using UedaPublicGoals.PlainJapanese;
using UedaPublicGoals.Public;
using UedaPublicGoals.Search;
using UedaPublicGoals.Reporting;

var builder = WebApplication.CreateBuilder(LocalEnvironmentDefault.Options(args));

// Serve wwwroot through the build's static asset manifest in every environment, not only
// Development, so `dotnet run` in Production behaves like the published site.
builder.WebHost.UseStaticWebAssets();

builder.AddTransportSecurity();
builder.AddErrorHandling();
builder.Services.AddHostileTextCleaning(); // one input boundary for form, query and route values
builder.AddPortalDatabase();
builder.AddAudit();
builder.AddContent();
builder.AddReporting();
builder.AddAchievement();
builder.AddPlainJapanese();
builder.AddPublicSite();
builder.AddBackoffice();
builder.AddFeedbackModule();
builder.AddFollow();
builder.AddDeliveryApi();
builder.AddOpenData();
builder.AddSearch();
builder.AddJapanese();

var app = builder.Build();

app.UseTransportSecurity();
app.UseErrorPages();

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseDatabaseFailurePages();
app.UseUnusablePathGuard();
app.UseContentRedirects();
app.UseRouting();
app.UseCors();
app.UseSubmitRateLimit(); // after routing: the feedback submit endpoints are marked [SubmitRateLimited]
app.UseAuthentication();
app.UseAuthorization();
app.UseBackofficeGate();
app.UseOutputCache();

// Inside the output cache: cached pages are stored compressed (one variant per Accept-Encoding) and
// served without compressing them again.
app.UseResponseCompression();

// Inside compression: furigana and glossary links are written into the plain HTML, which is then
// compressed and cached per variant.
app.UseJapanese();

app.MapStaticAssets();
app.MapControllers().WithStaticAssets();

try
{
    await app.InitializePortalAsync();
}
catch (ContentSeedException ex)
{
    // One clear line for the operator; the import ran in a transaction, so nothing stays half-imported.
    Console.Error.WriteLine(ex.Message);
    if (app.Services.GetService<IHostEnvironment>()?.EnvironmentName == "Testing")
    {
        throw;
    }

    Environment.ExitCode = 1;
    return;
}

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
