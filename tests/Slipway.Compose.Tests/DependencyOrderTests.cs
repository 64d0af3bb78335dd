using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

public sealed class DependencyOrderTests
{
    [Fact]
    public void DependenciesComeFirstAndOtherwiseDeclarationOrderHolds()
    {
        var project = Inline.Load("""
            services:
              web: { image: web, depends_on: [api, cache] }
              api: { image: api, depends_on: [db] }
              worker: { image: worker }
              cache: { image: redis }
              db: { image: postgres }
            """);

        var order = DependencyOrder.Resolve(project).Select(service => service.Name);

        Assert.Equal(["db", "api", "cache", "web", "worker"], order);
    }

    [Fact]
    public void ACycleInAHandBuiltProjectIsRefusedNamingIt()
    {
        // Given a model the loader would refuse, built by hand
        var a = new ServiceSpec { Name = "a", Image = "a", DependsOn = new Dictionary<string, DependencyCondition> { ["b"] = DependencyCondition.ServiceStarted } };
        var b = new ServiceSpec { Name = "b", Image = "b", DependsOn = new Dictionary<string, DependencyCondition> { ["a"] = DependencyCondition.ServiceHealthy } };
        var project = new ComposeProject { Name = "p", Services = new Dictionary<string, ServiceSpec> { ["a"] = a, ["b"] = b }, SourceFiles = ["compose.yml"] };

        // When
        var error = Assert.Throws<ComposeFileException>(() => DependencyOrder.Resolve(project));

        // Then
        Assert.Equal("compose.yml services/a/depends_on: dependency cycle a -> b -> a (remove one of these depends_on entries)", error.Message);
    }
}
