namespace Disclosure.Parsing.Tests;

/// <summary>Where the repository's test data lives, found from the test assembly's folder.</summary>
internal static class TestPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestData => Path.Combine(Root, "testdata");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Disclosure.Parsing.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Disclosure.Parsing.sln)");
    }
}
