using UedaPublicGoals.Content.Publishing;

namespace UedaPublicGoals.OpenData;

public static class OpenDataExtensions
{
    /// <summary>Call after AddContent: publish handlers run in registration order and this one needs the rebuilt read model.</summary>
    public static WebApplicationBuilder AddOpenData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OpenDataFiles>();
        builder.Services.AddSingleton<IContentPublishedHandler, RebuildOpenDataOnPublish>();
        return builder;
    }
}
