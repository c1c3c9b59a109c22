using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.Options;

namespace UedaPublicGoals.Feedback.Hosting;

/// <summary>URLs of the staff pages, under the host's <see cref="FeedbackOptions.BackofficePath"/>.</summary>
public sealed class StaffPaths(IOptions<FeedbackOptions> options)
{
    /// <summary>The inbox, e.g. /backoffice/feedback; the other staff pages are Root + "/statistics", "/routing", ….</summary>
    public string Root => options.Value.BackofficePath;

    public string Comment(long id) => $"{Root}/{id}";

    /// <summary>A consultation's 結果公示 page (categories, completeness check, publishing).</summary>
    public string Notice(int consultationId) => $"{Root}/notice/{consultationId}";
}

/// <summary>Marks a staff controller; its routes are placed under the host's backoffice path, below <paramref name="subpath"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StaffRouteAttribute(string subpath = "") : Attribute
{
    public string Subpath { get; } = subpath;
}

/// <summary>Gives every [StaffRoute] controller its route under <see cref="FeedbackOptions.BackofficePath"/>.</summary>
public sealed class StaffRouteConvention(string backofficePath) : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        if (controller.Attributes.OfType<StaffRouteAttribute>().FirstOrDefault() is not { } staff)
        {
            return;
        }

        var template = string.Join('/', new[] { backofficePath.Trim('/'), staff.Subpath }.Where(part => part.Length > 0));
        foreach (var selector in controller.Selectors)
        {
            selector.AttributeRouteModel = new AttributeRouteModel { Template = template };
        }
    }
}
