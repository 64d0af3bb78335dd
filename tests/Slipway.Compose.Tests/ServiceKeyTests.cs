using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

public sealed class ServiceKeyTests
{
    [Fact]
    public void AMinimalServiceHasItsImageAndComposeDefaults()
    {
        var web = Inline.Web("");

        Assert.Equal("web", web.Name);
        Assert.Equal("nginx", web.Image);
        Assert.Null(web.ContainerName);
        Assert.Null(web.Command);
        Assert.Null(web.Healthcheck);
        Assert.Null(web.Restart);
        Assert.Empty(web.Environment);
        Assert.Empty(web.Ports);
        Assert.Equal(1, web.Replicas);
    }

    [Fact]
    public void ACommandStringIsSplitLikeAShellWouldWithQuotesRespected()
    {
        var web = Inline.Web("""command: dotnet app.dll --name "my app" --greeting 'hi there' a\ b""");

        Assert.Equal(["dotnet", "app.dll", "--name", "my app", "--greeting", "hi there", "a b"], web.Command);
    }

    [Fact]
    public void ACommandListIsTakenAsIs()
    {
        var web = Inline.Web("""command: ["sh", "-c", "echo one two"]""");

        Assert.Equal(["sh", "-c", "echo one two"], web.Command);
    }

    [Fact]
    public void AnEmptyCommandListClearsTheImageCommand()
    {
        var web = Inline.Web("command: []");

        Assert.NotNull(web.Command);
        Assert.Empty(web.Command);
    }

    [Fact]
    public void AnEntrypointReadsAsAStringOrAList()
    {
        var fromString = Inline.Web("entrypoint: /usr/bin/tini -- \"$$HOME/run\"");
        var fromList = Inline.Web("entrypoint:\n  - /usr/bin/tini\n  - --");

        Assert.Equal(["/usr/bin/tini", "--", "$HOME/run"], fromString.Entrypoint);
        Assert.Equal(["/usr/bin/tini", "--"], fromList.Entrypoint);
    }

    [Fact]
    public void AnUnterminatedQuoteInACommandIsRefused()
    {
        var error = Inline.RefuseWeb("command: echo \"oops");

        Assert.Equal("compose/app.yml:4:14 services/web/command: unterminated \" quote in 'echo \"oops' (close the quote, or use the list form)", error.Message);
    }

    [Fact]
    public void EnvironmentReadsAsAMap()
    {
        var web = Inline.Web("environment:\n  A: one\n  B: 2\n  C: \"\"");

        Assert.Equal(new Dictionary<string, string> { ["A"] = "one", ["B"] = "2", ["C"] = "" }, web.Environment);
    }

    [Fact]
    public void EnvironmentReadsAsAListOfKeyValuePairs()
    {
        var web = Inline.Web("environment:\n  - A=one\n  - B=x=y\n  - C=");

        Assert.Equal(new Dictionary<string, string> { ["A"] = "one", ["B"] = "x=y", ["C"] = "" }, web.Environment);
    }

    [Fact]
    public void ABareEnvironmentKeyTakesTheVariableOfTheSameName()
    {
        var variables = Inline.Variables(("TOKEN", "abc"), ("REGION", "eu"));

        var web = Inline.Web("environment:\n  - TOKEN\n", variables: variables);
        var mapped = Inline.Web("environment:\n  REGION:\n", variables: variables);

        Assert.Equal("abc", web.Environment["TOKEN"]);
        Assert.Equal("eu", mapped.Environment["REGION"]);
    }

    [Fact]
    public void ABareEnvironmentKeyWithoutAVariableIsLeftOutWithAWarning()
    {
        var project = Inline.Load(Inline.WebYaml("environment:\n  - TOKEN"));

        Assert.Empty(project.Services["web"].Environment);
        Assert.Equal(
            ["compose/app.yml:5:9 services/web/environment/0: variable 'TOKEN' is not set, so the container gets no 'TOKEN' (set it, or give a value)"],
            project.Warnings);
    }

    [Fact]
    public void LabelsReadAsAMapOrAList()
    {
        var fromMap = Inline.Web("labels:\n  com.example.tier: web\n  com.example.empty:");
        var fromList = Inline.Web("labels:\n  - com.example.tier=web\n  - com.example.empty");

        var expected = new Dictionary<string, string> { ["com.example.tier"] = "web", ["com.example.empty"] = "" };
        Assert.Equal(expected, fromMap.Labels);
        Assert.Equal(expected, fromList.Labels);
    }

    [Theory]
    [InlineData("\"no\"", RestartMode.No, null)]
    [InlineData("always", RestartMode.Always, null)]
    [InlineData("on-failure", RestartMode.OnFailure, null)]
    [InlineData("on-failure:5", RestartMode.OnFailure, 5)]
    [InlineData("unless-stopped", RestartMode.UnlessStopped, null)]
    public void EveryRestartPolicyIsRead(string yaml, RestartMode mode, int? maxRetries)
    {
        var web = Inline.Web($"restart: {yaml}");

        Assert.Equal(new RestartPolicy(mode, maxRetries), web.Restart);
        Assert.Equal(yaml.Trim('"'), web.Restart!.ToString());
    }

    [Fact]
    public void AnUnknownRestartPolicyIsRefused()
    {
        var error = Inline.RefuseWeb("restart: sometimes");

        Assert.Equal("compose/app.yml:4:14 services/web/restart: invalid restart policy 'sometimes' (use no, always, on-failure, on-failure:N or unless-stopped)", error.Message);
    }

    [Fact]
    public void ProcessSettingsAreRead()
    {
        var web = Inline.Web("container_name: shop-web\nuser: \"1000:1000\"\nworking_dir: /app\nstop_grace_period: 1m30s\nstop_signal: SIGQUIT");

        Assert.Equal("shop-web", web.ContainerName);
        Assert.Equal("1000:1000", web.User);
        Assert.Equal("/app", web.WorkingDir);
        Assert.Equal(TimeSpan.FromSeconds(90), web.StopGracePeriod);
        Assert.Equal("SIGQUIT", web.StopSignal);
    }

    [Fact]
    public void DeployReplicasAreRead()
    {
        var web = Inline.Web("deploy:\n  replicas: 3");

        Assert.Equal(3, web.Replicas);
    }

    [Fact]
    public void ReplicasAboveOneCannotShareAContainerName()
    {
        var error = Inline.RefuseWeb("container_name: shop-web\ndeploy:\n  replicas: 2");

        Assert.Equal("compose/app.yml:6:17 services/web/deploy/replicas: 2 replicas cannot share container_name 'shop-web' (remove container_name, or run 1 replica)", error.Message);
    }

    [Fact]
    public void ExtensionKeysAreIgnoredAtTheTopLevelAndInServices()
    {
        var project = Inline.Load("""
            x-defaults: &defaults
              restart: always
            services:
              web:
                image: nginx
                x-team: storefront
                x-anything: { nested: [1, 2] }
            """);

        Assert.Equal(["web"], project.Services.Keys);
        Assert.Null(project.Services["web"].Restart);
    }

    [Fact]
    public void AnchorsAndAliasesCanShareValues()
    {
        var project = Inline.Load("""
            x-env: &env
              REGION: eu
            services:
              web:
                image: nginx
                environment: *env
              worker:
                image: nginx
                environment: *env
            """);

        Assert.Equal("eu", project.Services["worker"].Environment["REGION"]);
    }

    [Fact]
    public void MergeKeysCopyAnchoredKeysAndWrittenKeysWin()
    {
        var project = Inline.Load("""
            x-base: &base
              restart: always
              user: app
            x-env: &env
              environment: { REGION: eu }
            services:
              web:
                <<: [*base, *env]
                image: nginx
                user: root
            """);

        var web = project.Services["web"];
        Assert.Equal((RestartMode.Always, "root", "eu"), (web.Restart!.Mode, web.User, web.Environment["REGION"]));
    }

    [Fact]
    public void AMergeKeyOfAScalarIsRefused()
    {
        var error = Inline.RefuseWeb("<<: nothing");

        Assert.Equal("compose/app.yml:4:9 services/web/<<: a merge key '<<' takes a mapping or a list of mappings (e.g. <<: *defaults)", error.Message);
    }

    [Fact]
    public void AnUnsupportedKeyBroughtInByAMergeKeyPointsAtWhereItIsWritten()
    {
        var error = Inline.Refuse("x-base: &base\n  privileged: true\nservices:\n  web:\n    <<: *base\n    image: nginx\n");

        Assert.StartsWith("compose/app.yml:2:3 services/web: unsupported key 'privileged'", error.Message);
    }

    [Fact]
    public void AnEmptyKeyCountsAsNotSet()
    {
        var web = Inline.Web("user:\nports:\nhealthcheck:");

        Assert.Null(web.User);
        Assert.Empty(web.Ports);
        Assert.Null(web.Healthcheck?.Test);
    }
}
