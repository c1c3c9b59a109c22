using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;

namespace UedaPublicGoals.Tests.Integration.Infrastructure;

/// <summary>A browser-like client for the backoffice: keeps cookies, reads antiforgery tokens from forms.</summary>
public sealed class BackofficeSession(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static BackofficeSession Open(PortalFactory portal) =>
        new(portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Creates a user with the given role (and departments for 部局担当).</summary>
    public static async Task<string> CreateUserAsync(PortalFactory portal, string role, string? email = null, params int[] departmentIds)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp";
        using var scope = portal.Services.CreateScope();
        await StaffAccounts.CreateAsync(scope.ServiceProvider, email, role, Password, departmentIds);
        return email;
    }

    public const string Password = "tesuto-you no nagai pasuwado";

    public static async Task<BackofficeSession> LogInAsync(PortalFactory portal, string email, string password = Password)
    {
        var session = Open(portal);
        var response = await session.PostFormAsync("/backoffice/login", "/backoffice/login", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>A new account with <paramref name="role"/>, signed in.</summary>
    public static async Task<BackofficeSession> LogInNewAsync(PortalFactory portal, string role) =>
        await LogInAsync(portal, await CreateUserAsync(portal, role));

    /// <summary>GETs <paramref name="formPage"/>, takes its antiforgery token, and POSTs the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var token = await AntiforgeryTokenAsync(formPage);
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await Client.PostAsync(action, new FormUrlEncodedContent(body));
    }

    public async Task<string> AntiforgeryTokenAsync(string formPage)
    {
        var html = await Client.GetStringAsync(formPage);
        var input = HtmlText.Parse(html).QuerySelector("input[name=__RequestVerificationToken]");
        Assert.True(input is not null, $"no antiforgery token on {formPage}");
        return input!.GetAttribute("value")!;
    }
}
