using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace UedaPublicGoals.Api;

/// <summary>
/// Makes the API's conventions (CORS, ETag/304, HEAD, JSON errors) a matter of construction,
/// not of remembering: an action routed under /api/ must live in an <see cref="ApiControllerBase"/>
/// and answer HEAD wherever it answers GET ([HttpGetOrHead]). Anything else stops the site when
/// its endpoints are built, naming the action, so a new API endpoint cannot ship without them.
/// </summary>
public sealed class ApiEndpointConvention : IApplicationModelConvention
{
    public void Apply(ApplicationModel application)
    {
        foreach (var controller in application.Controllers)
        {
            foreach (var action in controller.Actions)
            {
                foreach (var selector in action.Selectors.Where(s => IsUnderApi(s.AttributeRouteModel?.Template)))
                {
                    var name = $"{controller.ControllerType.Name}.{action.ActionName} ({selector.AttributeRouteModel!.Template})";
                    if (!typeof(ApiControllerBase).IsAssignableFrom(controller.ControllerType))
                    {
                        throw new InvalidOperationException($"{name} answers under /api/ and must derive from {nameof(ApiControllerBase)}.");
                    }

                    var methods = selector.ActionConstraints.OfType<HttpMethodActionConstraint>().SelectMany(c => c.HttpMethods).ToHashSet(StringComparer.OrdinalIgnoreCase);
                    if (methods.Contains(HttpMethods.Get) && !methods.Contains(HttpMethods.Head))
                    {
                        throw new InvalidOperationException($"{name} answers GET under /api/ and must answer HEAD too: use [HttpGetOrHead].");
                    }
                }
            }
        }
    }

    /// <summary>/api/… but not the /api/ page itself, which is the HTML documentation.</summary>
    internal static bool IsUnderApi(string? template) =>
        template is not null && template.TrimStart('~').TrimStart('/').StartsWith("api/", StringComparison.OrdinalIgnoreCase);
}
