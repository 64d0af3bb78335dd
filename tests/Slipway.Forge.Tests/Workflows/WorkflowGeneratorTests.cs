using System.Text.RegularExpressions;
using Slipway.Forge.Workflows;
using static Slipway.Forge.Tests.Support.ParsedWorkflow;

namespace Slipway.Forge.Tests.Workflows;

public class WorkflowGeneratorTests
{
    static readonly BuildSurface Build = BuildSurface.Of(typeof(SampleBuild));
    static readonly IReadOnlyDictionary<string, string> Generated = WorkflowGenerator.Generate(typeof(SampleBuild), Build);
    static readonly IReadOnlyList<ParsedWorkflow> Parsed = [.. Generated.Select(pair => new ParsedWorkflow(pair.Key, pair.Value))];

    static ParsedWorkflow Workflow(string name) => Parsed.Single(w => w.File == name + ".yml");

    [Fact]
    public void EveryDeclaredWorkflowBecomesOneFileThatParses()
    {
        Assert.Equal(["backup.yml", "deploy-dev.yml", "deploy-prod.yml", "feature.yml", "pull-request.yml", "rollback.yml"], Generated.Keys);
        Assert.All(Parsed, workflow => Assert.Equal(workflow.File[..^4], Text(workflow.Root, "name")));
    }

    [Fact]
    public void TriggersAreThoseOfTheSeedsPipelines()
    {
        Assert.Equal(["pull_request"], Workflow("pull-request").On.Children.Keys.Select(k => k.ToString()));
        Assert.Equal(["feature/**"], Strings(Seq(Map(Workflow("feature").On, "push"), "branches")));
        Assert.Equal(["develop"], Strings(Seq(Map(Workflow("deploy-dev").On, "push"), "branches")));
        Assert.Equal(["main"], Strings(Seq(Map(Workflow("deploy-prod").On, "push"), "branches")));
        Assert.Equal("0 3 * * *", Text((YamlDotNet.RepresentationModel.YamlMappingNode)Seq(Workflow("backup").On, "schedule")[0], "cron"));
        var inputs = Map(Map(Workflow("rollback").On, "workflow_dispatch"), "inputs");
        Assert.Equal(["env", "to"], inputs.Children.Keys.Select(k => k.ToString()));
        Assert.Equal("true", Text(Map(inputs, "env"), "required"));
        Assert.Equal("false", Text(Map(inputs, "to"), "required"));
    }

    [Fact]
    public void JobsRunOnTheDeclaredRunnerLabels()
    {
        Assert.Equal("dev", Text(Workflow("deploy-dev").Jobs.Single(), "runs-on"));
        Assert.Equal("prod", Text(Workflow("deploy-prod").Jobs.Single(), "runs-on"));
        Assert.Equal("dev", Text(Workflow("pull-request").Jobs.Single(), "runs-on"));
        Assert.All(Parsed.SelectMany(w => w.Jobs), job => Assert.Contains(Text(job, "runs-on"), new[] { "dev", "prod" }));
    }

    [Fact]
    public void StepsAreCheckoutThenOnlyBuildShCallsOfTargetsAndParametersThatExist()
    {
        foreach (var job in Parsed.SelectMany(w => w.Jobs))
        {
            var steps = Seq(job, "steps").Children.Cast<YamlDotNet.RepresentationModel.YamlMappingNode>().ToList();
            Assert.Equal("https://data.forgejo.org/actions/checkout@v4", Text(steps[0], "uses"));
            var runs = steps.Skip(1).Where(step => Has(step, "run")).Select(step => Text(step, "run")!).ToList();
            var command = Assert.Single(runs);
            Assert.StartsWith("./build.sh ", command);
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).TakeWhile(word => !word.StartsWith("--")).ToList();
            Assert.All(words, target => Assert.True(Build.HasTarget(target), $"{target} is not a target"));
            Assert.All(Regex.Matches(command, @"--[a-z0-9-]+").Select(m => m.Value),
                flag => Assert.NotNull(Build.FindParameter(flag)));
            Assert.All(steps.Skip(1).Where(step => Has(step, "uses")),
                step => Assert.Equal("https://code.forgejo.org/forgejo/upload-artifact@v4", Text(step, "uses")));
        }
    }

    [Fact]
    public void FixedArgumentsFollowTheTargetsAsShellWords()
    {
        var steps = Seq(Workflow("backup").Jobs.Single(), "steps").Children.Cast<YamlDotNet.RepresentationModel.YamlMappingNode>();
        Assert.Equal("./build.sh Backup --env prod", steps.Where(step => Has(step, "run")).Select(step => Text(step, "run")).Single());
        Assert.Equal("'it'\\''s here'", WorkflowRenderer.ShellWord("it's here"));
        Assert.Equal("--keep-daily=7", WorkflowRenderer.ShellWord("--keep-daily=7"));
    }

    [Fact]
    public void SecretsTheForgeTokenAndTheRunContextReachTheBuildAsEnvironment()
    {
        var env = Map(Seq(Workflow("deploy-prod").Jobs.Single(), "steps").Children.Cast<YamlDotNet.RepresentationModel.YamlMappingNode>().ElementAt(1), "env");
        Assert.Equal("${{ secrets.SOPS_AGE_KEY }}", Text(env, "SOPS_AGE_KEY"));
        Assert.Equal("${{ secrets.FORGEJO_TOKEN }}", Text(env, "FORGEJO_TOKEN"));
        Assert.Equal("${{ github.run_number }}", Text(env, "FORGE_RUN_NUMBER"));
        Assert.Equal("${{ github.server_url }}", Text(env, "FORGE_SERVER_URL"));
        Assert.Equal("deploy-prod", Text(env, "FORGE_WORKFLOW"));
        Assert.Equal("true", Text(Map(Workflow("deploy-prod").Jobs.Single(), "env"), "CI"));
        Assert.Null(Text(Map(Seq(Workflow("feature").Jobs.Single(), "steps").Children.Cast<YamlDotNet.RepresentationModel.YamlMappingNode>().ElementAt(1), "env"), "SOPS_AGE_KEY"));
    }

    [Fact]
    public void DispatchInputsReachTheShellAsQuotedVariablesNeverAsPastedText()
    {
        var job = Workflow("rollback").Jobs.First();
        var step = Seq(job, "steps").Children.Cast<YamlDotNet.RepresentationModel.YamlMappingNode>().ElementAt(1);
        Assert.Equal("./build.sh Rollback --env \"$INPUT_ENV\" ${INPUT_TO:+--to \"$INPUT_TO\"}", Text(step, "run"));
        Assert.Equal("${{ inputs.env }}", Text(Map(step, "env"), "INPUT_ENV"));
        Assert.DoesNotContain("${{", Text(step, "run"));
    }

    [Fact]
    public void RollbackRunsOnTheRunnerOfTheChosenEnvironment()
    {
        var jobs = Workflow("rollback").Jobs.ToList();
        Assert.Equal(["dev", "prod"], jobs.Select(job => Text(job, "runs-on")));
        Assert.Equal(["${{ inputs.env == 'dev' }}", "${{ inputs.env == 'prod' }}"], jobs.Select(job => Text(job, "if")));
        var env = Map(Map(Map(Workflow("rollback").On, "workflow_dispatch"), "inputs"), "env");
        Assert.Equal("choice", Text(env, "type"));
        Assert.Equal(["dev", "prod"], Strings(Seq(env, "options")));
    }

    [Fact]
    public void ConcurrencyAndTimeoutsAreWrittenPerWorkflow()
    {
        var concurrency = Map(Workflow("feature").Root, "concurrency");
        Assert.Equal("test-${{ github.ref_name }}", Text(concurrency, "group"));
        Assert.Equal("true", Text(concurrency, "cancel-in-progress"));
        Assert.Equal("false", Text(Map(Workflow("deploy-prod").Root, "concurrency"), "cancel-in-progress"));
        Assert.Equal("45", Text(Workflow("deploy-prod").Jobs.Single(), "timeout-minutes"));
    }

    [Fact]
    public void GenerationIsDeterministicAndEveryFileCarriesTheHeader()
    {
        var again = WorkflowGenerator.Generate(typeof(SampleBuild), BuildSurface.Of(typeof(SampleBuild)));
        Assert.Equal(Generated, again);
        Assert.All(Generated.Values, text => Assert.StartsWith("# generated by ./build.sh GenerateWorkflows; do not edit\n", text));
        Assert.All(Generated.Values, text => Assert.DoesNotContain("\r", text));
    }

    [Fact]
    public void DeployProdWorkflowIsPinned()
    {
        Assert.Equal("""
            # generated by ./build.sh GenerateWorkflows; do not edit
            # declared by [ForgejoWorkflow("deploy-prod")] on the build class
            name: deploy-prod
            on:
              push:
                branches:
                  - main
            concurrency:
              group: deploy-prod
              cancel-in-progress: false
            jobs:
              deploy-prod:
                runs-on: prod
                timeout-minutes: 45
                defaults:
                  run:
                    shell: bash
                env:
                  CI: 'true'
                steps:
                  - name: Checkout
                    uses: https://data.forgejo.org/actions/checkout@v4
                    with:
                      fetch-depth: 0
                  - name: DeployProd
                    run: ./build.sh DeployProd
                    env:
                      FORGE_KIND: forgejo
                      FORGEJO_TOKEN: ${{ secrets.FORGEJO_TOKEN }}
                      FORGE_WORKFLOW: deploy-prod
                      FORGE_SERVER_URL: ${{ github.server_url }}
                      FORGE_REPOSITORY: ${{ github.repository }}
                      FORGE_RUN_ID: ${{ github.run_id }}
                      FORGE_RUN_NUMBER: ${{ github.run_number }}
                      FORGE_REF_NAME: ${{ github.ref_name }}
                      FORGE_HEAD_REF: ${{ github.head_ref }}
                      FORGE_SHA: '${{ github.event.pull_request.head.sha || github.sha }}'
                      SOPS_AGE_KEY: ${{ secrets.SOPS_AGE_KEY }}

            """.ReplaceLineEndings("\n"), Generated["deploy-prod.yml"]);
    }
}
