using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Content.Redirects;

/// <summary>
/// Every redirect held in memory: the public site asks it only when a content route found
/// nothing (404), and after the first load that costs no database query. Rebuilt whenever a
/// redirect is added or removed.
/// </summary>
public sealed class RedirectTable(IServiceScopeFactory scopes, ILogger<RedirectTable> logger)
{
    private readonly SemaphoreSlim loadLock = new(1, 1);
    private volatile IReadOnlyDictionary<string, string>? snapshot;

    /// <summary>Where <paramref name="path"/> moved to, or null. Content URLs end in a slash; both spellings match.</summary>
    public async ValueTask<string?> FindAsync(string path, CancellationToken ct = default)
    {
        var table = snapshot ?? await LoadAsync(force: false, ct);
        if (table.TryGetValue(path, out var target))
        {
            return target;
        }

        return !path.EndsWith('/') && table.TryGetValue(path + "/", out target) ? target : null;
    }

    public async Task RebuildAsync(CancellationToken ct = default) => await LoadAsync(force: true, ct);

    private async Task<IReadOnlyDictionary<string, string>> LoadAsync(bool force, CancellationToken ct)
    {
        await loadLock.WaitAsync(ct);
        try
        {
            if (!force && snapshot is { } loaded)
            {
                return loaded;
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var rows = await db.Redirects.AsNoTracking().Select(r => new { r.FromPath, r.ToPath }).ToListAsync(ct);
            var table = rows.ToDictionary(r => r.FromPath, r => r.ToPath, StringComparer.Ordinal);
            snapshot = table;
            logger.LogInformation("Redirect table loaded: {Count} redirects.", table.Count);
            return table;
        }
        finally
        {
            loadLock.Release();
        }
    }
}

public static class ContentRedirectsExtensions
{
    public static WebApplicationBuilder AddContentRedirects(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RedirectTable>();
        return builder;
    }

    /// <summary>
    /// When a GET or HEAD found nothing, answers 301 to where the path moved. Place it inside the
    /// status-code pages middleware so the 404 is turned into a redirect before an error page is drawn.
    /// </summary>
    public static IApplicationBuilder UseContentRedirects(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);

            var request = context.Request;
            if (context.Response.StatusCode != StatusCodes.Status404NotFound
                || context.Response.HasStarted
                || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || request.Path.StartsWithSegments("/backoffice")
                || request.Path.Value is not { Length: > 1 and <= 400 } path)
            {
                return;
            }

            var table = context.RequestServices.GetRequiredService<RedirectTable>();
            if (await table.FindAsync(path, context.RequestAborted) is { } target)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = target + request.QueryString;
            }
        });
}
