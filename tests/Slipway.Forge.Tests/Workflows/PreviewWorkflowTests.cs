using Slipway.Forge.Workflows;
using YamlDotNet.RepresentationModel;
using static Slipway.Forge.Tests.Support.ParsedWorkflow;

namespace Slipway.Forge.Tests.Workflows;

public class PreviewWorkflowTests
{
    static readonly BuildSurface Build = BuildSurface.Of(typeof(PreviewSampleBuild));
    static readonly IReadOnlyDictionary<string, string> Generated = WorkflowGenerator.Generate(typeof(PreviewSampleBuild), Build);

    static ParsedWorkflow Workflow(string name) => new(name + ".yml", Generated[name + ".yml"]);

    static YamlMappingNode BuildStep(string name) =>
        Seq(Workflow(name).Jobs.Single(), "steps").Children.Cast<YamlMappingNode>().Single(step => Has(step, "run"));

    [Fact]
    public void PullRequestActivitiesPickTheWorkflow()
    {
        Assert.Equal(["opened", "synchronize", "reopened"], Strings(Seq(Map(Workflow("preview").On, "pull_request"), "types")));
        Assert.Equal(["closed"], Strings(Seq(Map(Workflow("preview-cleanup").On, "pull_request"), "types")));
        Assert.Equal("dev", Text(Workflow("preview-cleanup").Jobs.Single(), "runs-on"));
    }

    [Fact]
    public void ExpressionArgumentsReachTheShellAsQuotedVariablesNeverAsText()
    {
        var step = BuildStep("preview");

        Assert.Equal("./build.sh DeployPreview --pr \"$ARG_PR\" --preview-docker-host \"$ARG_PREVIEW_DOCKER_HOST\"", Text(step, "run"));
        Assert.Equal("${{ github.event.pull_request.number }}", Text(Map(step, "env"), "ARG_PR"));
        Assert.Equal("${{ vars.PREVIEW_DOCKER_HOST }}", Text(Map(step, "env"), "ARG_PREVIEW_DOCKER_HOST"));
        Assert.Equal("./build.sh CleanupPreview --pr \"$ARG_PR\" --preview-docker-host \"$ARG_PREVIEW_DOCKER_HOST\"", Text(BuildStep("preview-cleanup"), "run"));
    }

    [Fact]
    public void ThePreviewOfOnePullRequestNeverRunsBesideItsCleanup()
    {
        Assert.Equal(Text(Map(Workflow("preview").Root, "concurrency"), "group"), Text(Map(Workflow("preview-cleanup").Root, "concurrency"), "group"));
        Assert.Equal("false", Text(Map(Workflow("preview").Root, "concurrency"), "cancel-in-progress"));
    }
}
