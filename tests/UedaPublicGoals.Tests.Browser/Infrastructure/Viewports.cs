namespace UedaPublicGoals.Tests.Browser.Infrastructure;

/// <summary>The two sizes every page is checked at: a 360 px phone and a 1280 px desktop.</summary>
public static class Viewports
{
    /// <summary>Each of <paramref name="pages"/> at both sizes, as (page, width, height) theory rows.</summary>
    public static TheoryData<string, int, int> PhoneAndDesktop(IEnumerable<string> pages)
    {
        var data = new TheoryData<string, int, int>();
        foreach (var page in pages)
        {
            data.Add(page, 360, 740);
            data.Add(page, 1280, 900);
        }

        return data;
    }
}
