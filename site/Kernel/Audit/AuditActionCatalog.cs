using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace UedaPublicGoals.Kernel.Audit;

/// <summary>The Japanese word the audit log viewer shows for an action key such as "feedback.export".</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class AuditLabelAttribute(string label) : Attribute
{
    public string Label { get; } = label;
}

public sealed record AuditActionLabel(string Action, string Label);

/// <summary>
/// Every audit action of the portal with its label, in one list: the host and the feedback module each
/// register the class holding their action keys (<see cref="AuditActionExtensions.AddAuditActions"/>),
/// and the audit viewer shows and filters by what is registered here. A key without a label stops start-up.
/// </summary>
public sealed class AuditActionCatalog
{
    private readonly Dictionary<string, string> labels = new(StringComparer.Ordinal);

    public AuditActionCatalog(IEnumerable<AuditActionHolder> holders)
    {
        var all = new List<AuditActionLabel>();
        foreach (var action in holders.SelectMany(h => Read(h.Type)))
        {
            if (!labels.TryAdd(action.Action, action.Label))
            {
                throw new InvalidOperationException($"The audit action '{action.Action}' is declared twice.");
            }

            all.Add(action);
        }

        All = all;
    }

    /// <summary>In registration order, each holder's keys in declaration order.</summary>
    public IReadOnlyList<AuditActionLabel> All { get; }

    /// <summary>The label, or the key itself for a row written by an older version under a key that is gone.</summary>
    public string Label(string action) => labels.GetValueOrDefault(action, action);

    public bool Knows(string action) => labels.ContainsKey(action);

    /// <summary>Every public string constant of <paramref name="holder"/> is an action key and must carry its label.</summary>
    public static IEnumerable<AuditActionLabel> Read(Type holder) =>
        holder.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => new AuditActionLabel(
                (string)f.GetRawConstantValue()!,
                f.GetCustomAttribute<AuditLabelAttribute>()?.Label
                    ?? throw new InvalidOperationException($"The audit action {holder.Name}.{f.Name} has no [AuditLabel].")))
            .ToList();
}

/// <summary>A class whose constants are audit action keys.</summary>
public sealed record AuditActionHolder(Type Type);

public static class AuditActionExtensions
{
    /// <summary>Adds the action keys declared as constants of <paramref name="holder"/> to the one catalogue.</summary>
    public static IServiceCollection AddAuditActions(this IServiceCollection services, Type holder)
    {
        services.TryAddSingleton<AuditActionCatalog>();
        services.AddSingleton(new AuditActionHolder(holder));
        return services;
    }
}
