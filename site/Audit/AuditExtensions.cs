using Microsoft.Extensions.Options;
using UedaPublicGoals.Kernel.Audit;

namespace UedaPublicGoals.Audit;

public static class AuditExtensions
{
    /// <summary>The audit log that Content, the backoffice and the feedback module write to.</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditOptions>()
            .BindConfiguration(AuditOptions.Section)
            .Validate(
                o => o.ClientHashSalt is null || o.ClientHashSalt.Trim().Length >= AuditOptions.MinimumSaltLength,
                $"Audit:ClientHashSalt must be at least {AuditOptions.MinimumSaltLength} characters (or unset for a random salt per process).")
            .ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditClientHasher>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddAuditActions(typeof(AuditActions));
        return builder;
    }
}
