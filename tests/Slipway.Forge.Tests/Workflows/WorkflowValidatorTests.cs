using Slipway.Forge.Workflows;

namespace Slipway.Forge.Tests.Workflows;

public class WorkflowValidatorTests
{
    static readonly BuildSurface Build = new(["Test", "DeployDev", "Rollback"],
        [new("--env", "Environment"), new("--to"), new("--registry-password", IsSecret: true)]);

    static IReadOnlyList<string> Problems(WorkflowSpec workflow, params string[] labels) =>
        WorkflowValidator.Validate(new WorkflowDeclaration(labels.Length == 0 ? ["dev", "prod"] : labels, [workflow]), Build);

    static WorkflowSpec DeployDev => new() { Name = "deploy-dev", PushBranches = ["develop"], RunsOn = "dev", Targets = ["DeployDev"] };

    [Fact]
    public void ASoundDeclarationHasNoProblems() => Assert.Empty(Problems(DeployDev));

    [Fact]
    public void AnUnknownRunnerLabelIsRefusedNamingItAndTheKnownOnes()
    {
        var problem = Assert.Single(Problems(DeployDev with { RunsOn = "prd" }));
        Assert.Equal("[ForgejoWorkflow(\"deploy-dev\")] runs on 'prd', a label no declared runner has; known labels: dev, prod (add it to [ForgejoRunners(...)] once a runner registers with it)", problem);
    }

    [Fact]
    public void WorkflowsWithoutDeclaredRunnersAreRefused()
    {
        var problems = WorkflowValidator.Validate(new WorkflowDeclaration([], [DeployDev]), Build);
        Assert.Contains(problems, p => p.StartsWith("No runner labels declared; put [ForgejoRunners(\"dev\", \"prod\")]"));
    }

    [Fact]
    public void AnUnknownTargetIsRefusedListingTheTargets()
    {
        var problem = Assert.Single(Problems(DeployDev with { Targets = ["DeployDve"] }));
        Assert.Equal("[ForgejoWorkflow(\"deploy-dev\")] invokes 'DeployDve', which is not a target of the build; targets: DeployDev, Rollback, Test", problem);
    }

    [Fact]
    public void AFixedArgumentThatIsNoParameterOrASecretIsRefused()
    {
        Assert.Equal("[ForgejoWorkflow(\"deploy-dev\")] passes '--evn', which is not a parameter of the build; parameters: --env, --registry-password, --to",
            Assert.Single(Problems(DeployDev with { Arguments = ["--evn", "dev"] })));
        Assert.Equal("[ForgejoWorkflow(\"deploy-dev\")] passes the secret parameter '--registry-password' in plain text; leave it to the secrets file or an imported secret",
            Assert.Single(Problems(DeployDev with { Arguments = ["--registry-password", "x"] })));
        Assert.Empty(Problems(DeployDev with { Arguments = ["--env", "dev"] }));
    }

    [Fact]
    public void AnUnknownPullRequestTypeIsRefusedListingForgejosOnes()
    {
        var problem = Assert.Single(Problems(DeployDev with { OnPullRequest = true, PullRequestTypes = ["opened", "merged"] }));
        Assert.StartsWith("[ForgejoWorkflow(\"deploy-dev\")] has the pull request type 'merged'; Forgejo knows opened, edited, closed, reopened, synchronize", problem);
    }

    [Fact]
    public void AnExpressionArgumentMustBeWholeAndNeverASecret()
    {
        Assert.Empty(Problems(DeployDev with { Arguments = ["--env", "${{ github.event.pull_request.number }}"] }));
        Assert.Contains("an argument is either plain text or one whole expression",
            Assert.Single(Problems(DeployDev with { Arguments = ["--env", "pr-${{ github.event.pull_request.number }}"] })));
        Assert.Contains("secrets reach the build through ImportSecrets",
            Assert.Single(Problems(DeployDev with { Arguments = ["--env", "${{ secrets.SOPS_AGE_KEY }}"] })));
    }

    [Fact]
    public void AnInputThatIsNoParameterIsRefusedListingTheParameters()
    {
        var rollback = new WorkflowSpec { Name = "rollback", OnWorkflowDispatch = true, Inputs = [new("envv", true)], RunsOn = "dev", Targets = ["Rollback"] };
        var problem = Assert.Single(Problems(rollback));
        Assert.Contains("has the input 'envv', which is not a parameter of the build; parameters: --env, --registry-password, --to", problem);
    }

    [Fact]
    public void ASecretParameterCannotBeAFormInput()
    {
        var workflow = new WorkflowSpec { Name = "push", OnWorkflowDispatch = true, Inputs = [new("registry-password", true)], RunsOn = "dev", Targets = ["Test"] };
        Assert.Contains("a [Secret] parameter; secrets come from ImportSecrets", Assert.Single(Problems(workflow)));
    }

    [Fact]
    public void InputsWithoutWorkflowDispatchAreRefused() =>
        Assert.Contains("declares Inputs but cannot be run by hand; set OnWorkflowDispatch = true",
            Assert.Single(Problems(DeployDev with { Inputs = [new("env", true)] })));

    [Fact]
    public void AWorkflowWithoutTriggerIsRefused() =>
        Assert.Contains("has no trigger", Assert.Single(Problems(DeployDev with { PushBranches = [] })));

    [Fact]
    public void RunnerChosenByAnInputMustBeOneOfItsRequiredInputs() =>
        Assert.Contains("chooses its runner with the input 'env', which is not one of its required Inputs",
            Assert.Single(Problems(DeployDev with { RunsOn = null, RunsOnInput = "env", OnWorkflowDispatch = true, Inputs = [new("env", false)] })));

    [Theory]
    [InlineData("GITHUB_PAT")]
    [InlineData("gitea_token")]
    [InlineData("CI")]
    [InlineData("1PASSWORD")]
    public void SecretNamesForgejoRefusesAreRefused(string secret) =>
        Assert.Contains($"imports the secret '{secret}', which Forgejo cannot hold", Assert.Single(Problems(DeployDev with { Secrets = [secret] })));

    [Fact]
    public void ACronLineNeedsFiveFields() =>
        Assert.Contains("has the schedule '0 3 * *'", Assert.Single(Problems(DeployDev with { Schedules = ["0 3 * *"] })));

    [Fact]
    public void GenerateRefusesABadDeclarationWithOneLinePerProblem()
    {
        var declaration = new WorkflowDeclaration(["dev"], [DeployDev with { RunsOn = "prod", Targets = ["Nope"] }]);
        var exception = Assert.Throws<WorkflowException>(() => WorkflowGenerator.Generate(declaration, Build));
        Assert.Equal(2, exception.Problems.Count);
        Assert.Equal(2, exception.Message.Split(Environment.NewLine).Length);
    }

    [Fact]
    public void DuplicateWorkflowNamesAreRefused()
    {
        var problems = WorkflowValidator.Validate(new WorkflowDeclaration(["dev"], [DeployDev, DeployDev]), Build);
        Assert.Contains("[ForgejoWorkflow(\"deploy-dev\")] is declared 2 times; workflow names must be unique", problems);
    }
}
