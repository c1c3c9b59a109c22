using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.DraftPlans;
using UedaPublicGoals.Feedback.Hosting;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Participation;
using UedaPublicGoals.Feedback.Public;
using UedaPublicGoals.Feedback.ResultNotice;

namespace UedaPublicGoals.Feedback;

/// <summary>
/// Plugs the feedback module into a site: builder.AddFeedback(feedback => …), where the host fills in
/// its side of <see cref="FeedbackOptions"/>; then app.InitializeFeedbackAsync() at start.
/// </summary>
public static class FeedbackExtensions
{
    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder, Action<FeedbackOptions> host)
    {
        var services = builder.Services;
        services.AddSettings<FeedbackOptions>(FeedbackOptions.Section).Configure(host);
        services.AddSingleton<StaffPaths>();
        services.AddOptions<MvcOptions>().Configure<IOptions<FeedbackOptions>>((mvc, feedback) =>
            mvc.Conventions.Add(new StaffRouteConvention(feedback.Value.BackofficePath)));

        // The database is chosen now, before the container exists: the same contract, read once here.
        var contract = new FeedbackOptions();
        builder.Configuration.GetSection(FeedbackOptions.Section).Bind(contract);
        host(contract);
        AddDatabase(services, contract);

        services.AddScoped<FeedbackSeeder>();
        services.AddScoped<Follow.ConsultationFollowSource>();
        AddModuleMvc(services);
        builder.AddFeedbackInbox();
        builder.AddFeedbackResidentSide();
        services.AddDraftPlans();
        services.AddResultNotice();
        services.AddParticipation();
        return builder;
    }

    /// <summary>The host's database, the module's own tables and migrations history.</summary>
    private static void AddDatabase(IServiceCollection services, FeedbackOptions contract)
    {
        if (contract.DatabaseProvider == FeedbackDatabaseProvider.Postgres)
        {
            services.AddDbContext<FeedbackDbContext, PostgresFeedbackDbContext>(o =>
                o.UseNpgsql(contract.DatabaseConnectionString, n => n.MigrationsHistoryTable(FeedbackDbContext.MigrationsHistoryTable)));
        }
        else
        {
            services.AddDbContext<FeedbackDbContext, SqliteFeedbackDbContext>(o =>
                o.UseSqlite(contract.DatabaseConnectionString, s => s.MigrationsHistoryTable(FeedbackDbContext.MigrationsHistoryTable))
                    .AddInterceptors(new SqliteBusyTimeout()));
        }
    }

    /// <summary>
    /// Makes the module's controllers and compiled views (App_Plugins/Feedback/Views/{controller}/)
    /// visible to the host's MVC. Idempotent: safe if called again or if the host already added the part.
    /// </summary>
    private static void AddModuleMvc(IServiceCollection services)
    {
        var assembly = typeof(FeedbackExtensions).Assembly;
        services.AddControllersWithViews().ConfigureApplicationPartManager(parts =>
        {
            if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
            {
                parts.ApplicationParts.Add(new AssemblyPart(assembly));
            }
        });
        services.PostConfigure<RazorViewEngineOptions>(o =>
        {
            // The host may clear the default locations (the public site does), so add ours last.
            const string moduleViews = "/Views/{1}/{0}.cshtml";
            if (!o.ViewLocationFormats.Contains(moduleViews))
            {
                o.ViewLocationFormats.Add(moduleViews);
            }
        });
    }

    /// <summary>Migrates the module's tables and seeds the first consultation and routing rule.</summary>
    public static async Task InitializeFeedbackAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().Database.MigrateWhenBehindAsync(ct);
        await scope.ServiceProvider.GetRequiredService<FeedbackSeeder>().SeedAsync(ct);
    }
}
