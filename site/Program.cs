using UedaPublicGoals.Api;
using UedaPublicGoals.Backoffice;
using UedaPublicGoals.Content;
using UedaPublicGoals.Content.Redirects;
using UedaPublicGoals.Content.Seed;
using UedaPublicGoals.Feedback.Forms;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Infrastructure.FeedbackHost;
using UedaPublicGoals.Infrastructure.Startup;
using UedaPublicGoals.InputSafety;
using UedaPublicGoals.OpenData;
using UedaPublicGoals.Public;

var builder = WebApplication.CreateBuilder(LocalEnvironmentDefault.Options(args));

// Serve wwwroot through the build's static asset manifest in every environment, not only
// Development, so `dotnet run` in Production behaves like the published site.
builder.WebHost.UseStaticWebAssets();

builder.AddErrorHandling();
builder.Services.AddHostileTextCleaning(); // one input boundary for form, query and route values
builder.AddPortalDatabase();
builder.AddContent();
builder.AddPublicSite();
builder.AddBackoffice();
builder.AddFeedbackModule();
builder.AddDeliveryApi();
builder.AddOpenData();
builder.AddSearch();

var app = builder.Build();

app.UseErrorPages();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseDatabaseFailurePages();
app.UseUnusablePathGuard();
app.UseContentRedirects();
app.UseResponseCompression();
app.UseRouting();
app.UseCors();
app.UseRateLimiter(); // after routing: the feedback submit endpoint names its policy
app.UseAuthentication();
app.UseAuthorization();
app.UseBackofficeGate();
app.UseOutputCache();

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
