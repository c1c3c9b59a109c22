using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using UedaPublicGoals.Api;

namespace UedaPublicGoals.Tests.Unit.Api;

/// <summary>A new /api/ endpoint cannot forget the API's conventions: the site refuses to build its endpoints.</summary>
public sealed class ApiEndpointConventionTests
{
    private sealed class PlainController : ControllerBase
    {
        public IActionResult Get() => Ok();
    }

    private sealed class ConventionalController : ApiControllerBase
    {
        public IActionResult Get() => Ok();
    }

    private static ApplicationModel Model(Type controllerType, string template, params string[] methods)
    {
        var action = new ActionModel(controllerType.GetMethod("Get")!, []) { ActionName = "Get" };
        var selector = new SelectorModel { AttributeRouteModel = new AttributeRouteModel(new RouteAttribute(template)) };
        selector.ActionConstraints.Add(new HttpMethodActionConstraint(methods));
        action.Selectors.Add(selector);
        var controller = new ControllerModel(controllerType.GetTypeInfo(), []);
        controller.Actions.Add(action);
        var application = new ApplicationModel();
        application.Controllers.Add(controller);
        return application;
    }

    [Fact]
    public void An_api_action_outside_the_api_base_stops_the_site()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ApiEndpointConvention().Apply(Model(typeof(PlainController), "/api/v1/new", "GET", "HEAD")));
        Assert.Contains("must derive from ApiControllerBase", error.Message);
    }

    [Fact]
    public void An_api_action_that_answers_get_without_head_stops_the_site()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ApiEndpointConvention().Apply(Model(typeof(ConventionalController), "/api/v1/new", "GET")));
        Assert.Contains("[HttpGetOrHead]", error.Message);
    }

    [Theory]
    [InlineData(typeof(ConventionalController), "/api/v1/new")]
    [InlineData(typeof(PlainController), "/api")] // the HTML documentation page
    [InlineData(typeof(PlainController), "/search")]
    public void Conventional_api_actions_and_everything_outside_api_pass(Type controllerType, string template) =>
        new ApiEndpointConvention().Apply(Model(controllerType, template, "GET", "HEAD"));
}
