namespace UedaPublicGoals.OpenData;

public static class OpenDataExtensions
{
    /// <summary>
    /// goals.csv and goals.json, built in the background after start; a publish regenerates them through
    /// Content/Publishing/Handlers/RegenerateOpenData.
    /// </summary>
    public static WebApplicationBuilder AddOpenData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OpenDataFiles>();
        builder.Services.AddHostedService<OpenDataWarmUp>();
        return builder;
    }
}
