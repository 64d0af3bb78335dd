using Slipway.Engine.Execution;
using Slipway.Engine.Tests.Support;

namespace Slipway.Engine.Tests.Execution;

using Assert = Xunit.Assert;

public sealed class BuildManagerTests
{
    [Fact]
    public void TheRootIsTheNearestAncestorHoldingANukeDirectory()
    {
        using var root = new TempRoot();
        var nested = Directory.CreateDirectory(Path.Combine(root.Path, "src", "app")).FullName;

        Assert.Equal(root.Path, BuildManager.FindRoot(explicitRoot: null, nested));
    }

    [Fact]
    public void AnExplicitRootIsResolvedAgainstTheCurrentDirectory()
    {
        using var root = new TempRoot();

        Assert.Equal(Path.Combine(root.Path, "other"), BuildManager.FindRoot("other", root.Path));
    }

    [Fact]
    public void WithoutANukeDirectoryTheErrorNamesTheFix()
    {
        var directory = Directory.CreateTempSubdirectory("slipway-no-nuke-");
        try
        {
            var exception = Assert.Throws<BuildUsageException>(() => BuildManager.FindRoot(null, directory.FullName));

            Assert.Equal(
                $"No .nuke directory in {directory.FullName} or above; create one at the repository root or pass --root <directory>",
                exception.Message);
        }
        finally
        {
            directory.Delete();
        }
    }

    [Fact]
    public void TheTemporaryDirectoryIsCreatedUnderNukeOnDemand()
    {
        var run = BuildRunner.Run<DeliveryBuild>(x => x.Compile);

        Assert.Equal(Path.Combine(run.Build!.RootDirectory, ".nuke", "temp"), run.Build.TemporaryDirectory);
    }
}
