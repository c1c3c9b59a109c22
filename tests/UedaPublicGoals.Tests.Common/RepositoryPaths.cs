namespace UedaPublicGoals.Tests.Common;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ContentSeed => Path.Combine(Root, "content-seed");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UedaPublicGoals.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("UedaPublicGoals.sln not found above " + AppContext.BaseDirectory);
    }
}
