using Slipway.Engine.Definition;

namespace Slipway.Engine.Tests.Definition;

using Assert = Xunit.Assert;

public sealed class ExecutableTargetFactoryTests
{
    interface IPublish
    {
        Target Publish => _ => _.Description("from the interface");
    }

    abstract class BaseBuild : BuildBase
    {
        Target Restore => _ => _;
    }

    sealed class DerivedBuild : BaseBuild, IPublish
    {
        Target Compile => _ => _.DependsOn(((IPublish)this).Publish);
        internal Target Pack => _ => _;
    }

    [Fact]
    public void TargetsAreFoundInAnyVisibilityBaseClassesFirstThenInterfaceDefaults()
    {
        var targets = ExecutableTargetFactory.Create(new DerivedBuild(), "Compile");

        Assert.Equal(["Restore", "Compile", "Pack", "Publish"], targets.Select(t => t.Name));
        Assert.Equal("from the interface", targets[3].Description);
        Assert.True(targets[1].IsDefault);
    }

    [Fact]
    public void DependenciesOnInterfaceTargetsResolve()
    {
        var targets = ExecutableTargetFactory.Create(new DerivedBuild(), "Compile");

        Assert.Equal("Publish", Assert.Single(targets[1].ExecutionDependencies).Name);
    }
}
