using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Public;

namespace UedaPublicGoals.Feedback;

/// <summary>Plugs the feedback module into a site: builder.AddFeedback(); then app.InitializeFeedbackAsync() at start.</summary>
public static class FeedbackExtensions
{
    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<FeedbackOptions>(builder.Configuration.GetSection(FeedbackOptions.Section));

        // Same database as the site (Database__Provider / Database__ConnectionString), own migrations.
        var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = builder.Configuration["Database:ConnectionString"];
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContext<FeedbackDbContext, PostgresFeedbackDbContext>(o =>
                o.UseNpgsql(connectionString, n => n.MigrationsHistoryTable(FeedbackDbContext.MigrationsHistoryTable)));
        }
        else
        {
            connectionString ??= new SqliteConnectionStringBuilder { DataSource = Path.Combine(builder.Environment.ContentRootPath, "App_Data", "portal.db") }.ToString();
            services.AddDbContext<FeedbackDbContext, SqliteFeedbackDbContext>(o =>
                o.UseSqlite(connectionString, s => s.MigrationsHistoryTable(FeedbackDbContext.MigrationsHistoryTable))
                    .AddInterceptors(new SqliteBusyTimeout()));
        }

        services.AddScoped<FeedbackSeeder>();
        AddModuleMvc(services);
        services.AddFeedbackInbox();
        builder.AddFeedbackResidentSide();
        return builder;
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
        await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().Database.MigrateAsync(ct);
        await scope.ServiceProvider.GetRequiredService<FeedbackSeeder>().SeedAsync(ct);
    }
}

/// <summary>Bound from the "Feedback" section.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";
}
