using Slipway.Forge.Workflows;
namespace Slipway.Forge.Tests.Workflows;
public class DumpTests
{
    [Fact]
    public void Dump()
    {
        var files = WorkflowGenerator.Generate(typeof(SampleBuild), BuildSurface.Of(typeof(SampleBuild)));
        foreach (var (name, text) in files) File.WriteAllText("/tmp/forge-dump/" + name, text);
        Assert.NotEmpty(files);
    }
}
