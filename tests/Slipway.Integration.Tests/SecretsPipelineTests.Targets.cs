using Slipway.Integration.Tests.Support;
using Slipway.Secrets;
using Slipway.Tooling;

namespace Slipway.Integration.Tests;

public static partial class SecretsPipelineTests
{
    /// <summary>The secrets targets as maintainers run them, each on a scratch secrets file and age key outside the repository.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public sealed class TheSecretsTargets : IDisposable
    {
        const string ApiKey = "apikey-V4lue-8c1e";
        readonly List<SecretsScratch> _scratches = [];

        public void Dispose() => _scratches.ForEach(s => s.Dispose());

        async Task<SecretsScratch> ScratchAsync(params (string Key, string Value)[] values)
        {
            var scratch = await SecretsScratch.CreateAsync(values);
            _scratches.Add(scratch);
            return scratch;
        }

        static void AssertSucceeded(ToolResult run) => Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);

        [Fact]
        public async Task SecretsListsKeysAndRecipientsButNeverAValue()
        {
            var scratch = await ScratchAsync(("api_key", ApiKey), ("dev/db_password", "db-Passw0rd-77"));

            var run = await scratch.BuildAsync(scratch.Environment(("SOPS_AGE_KEY_FILE", null)), null, "Secrets");

            AssertSucceeded(run);
            Assert.Contains("2 keys, encrypted for 1 age recipients", run.StandardOutput);
            Assert.Contains($"recipient {scratch.Recipient}", run.StandardOutput);
            Assert.Contains("  dev/db_password", run.StandardOutput);
            Assert.DoesNotContain(ApiKey, run.StandardOutput);
            Assert.DoesNotContain("db-Passw0rd-77", run.StandardOutput);
        }

        [Fact]
        public async Task SecretsSetTakesTheValueFromStdin()
        {
            var scratch = await ScratchAsync();

            var run = await scratch.BuildAsync(scratch.Environment(), ApiKey + "\n", "SecretsSet", "--key", "api_key");

            AssertSucceeded(run);
            Assert.Equal(ApiKey, (await scratch.LoadAsync()).Get("api_key").Reveal());
            Assert.DoesNotContain(ApiKey, run.StandardOutput + run.StandardError);
            Assert.DoesNotContain(ApiKey, await File.ReadAllTextAsync(scratch.SecretsFile));
        }

        [Fact]
        public async Task SecretsToEnvWritesAnOwnerOnlyFileGitIgnores()
        {
            var scratch = await ScratchAsync(("api_key", ApiKey), ("registry_user", "ci"));
            var environment = $"it{Guid.NewGuid():N}"[..10];
            var envFile = Path.Combine(Repository.Root, ".nuke", "temp", $"{environment}.env");
            try
            {
                var run = await scratch.BuildAsync("SecretsToEnv", "--env", environment);

                AssertSucceeded(run);
                Assert.Equal($"API_KEY={ApiKey}\nREGISTRY_USER=ci\n", await File.ReadAllTextAsync(envFile));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(envFile));
                var ignored = await ToolRunner.RunAsync(new ToolInvocation("git", ["check-ignore", "-q", envFile]) { WorkingDirectory = Repository.Root, ThrowOnFailure = false });
                Assert.Equal(0, ignored.ExitCode);
            }
            finally { File.Delete(envFile); }
        }

        [Fact]
        public async Task SecretsEditSavesWhatTheEditorWroteAndRemovesThePlaintext()
        {
            var scratch = await ScratchAsync(("api_key", "before-edit-1"));
            var editor = scratch.Editor($"sed -i 's/before-edit-1/{ApiKey}/' \"$1\"");

            var run = await scratch.BuildAsync(scratch.Environment(("EDITOR", editor)), null, "SecretsEdit");

            AssertSucceeded(run);
            Assert.Equal(ApiKey, (await scratch.LoadAsync()).Get("api_key").Reveal());
            Assert.False(File.Exists(scratch.EditedPath));
        }

        [Fact]
        public async Task AFailingEditorLeavesTheSecretsFileAsItWasAndRemovesThePlaintext()
        {
            var scratch = await ScratchAsync(("api_key", ApiKey));
            var before = await File.ReadAllBytesAsync(scratch.SecretsFile);
            var editor = scratch.Editor("echo half-done >> \"$1\"; exit 4");

            var run = await scratch.BuildAsync(scratch.Environment(("EDITOR", editor)), null, "SecretsEdit");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("exited with code 4; the secrets file is unchanged", run.StandardOutput);
            Assert.Equal(before, await File.ReadAllBytesAsync(scratch.SecretsFile));
            Assert.False(File.Exists(scratch.EditedPath));
        }

        [Fact]
        public async Task AMissingAgeKeyIsOneLineNamingTheRecipientsAndWhereKeysWereLookedFor()
        {
            var scratch = await ScratchAsync(("api_key", ApiKey));
            var missing = Path.Combine(scratch.Root, "no-such-key.txt");

            var run = await scratch.BuildAsync(scratch.Environment(("SOPS_AGE_KEY_FILE", missing)), "x", "SecretsSet", "--key", "api_key");

            Assert.Equal(1, run.ExitCode);
            var failure = Assert.Single(run.StandardOutput.Split('\n'), l => l.Contains("[ERR]"));
            Assert.Contains($"no age identity matches its recipients ({scratch.Recipient})", failure);
            Assert.Contains($"SOPS_AGE_KEY (not set), SOPS_AGE_KEY_FILE={missing} (missing), {scratch.Home}/.config/sops/age/keys.txt (missing)", failure);
        }

        [Fact]
        public async Task ABuildThatDoesNotNeedTheSecretsWarnsOnceAndGoesOnWithoutThem()
        {
            var scratch = await ScratchAsync(("registry_password", ApiKey));
            var other = Path.Combine(scratch.Root, "other-key.txt");
            await AgeKeyGen.GenerateAsync(other);

            var run = await scratch.BuildAsync(scratch.Environment(("SOPS_AGE_KEY_FILE", other)), null, "DeployDev", "--plan");

            AssertSucceeded(run);
            Assert.Single(run.StandardOutput.Split('\n'), l => l.Contains("[WRN]") && l.Contains("no age identity matches"));
        }

        [Fact]
        public async Task RemovingARecipientTheFileDoesNotHaveListsItsRecipients()
        {
            var scratch = await ScratchAsync(("api_key", ApiKey));
            var before = await File.ReadAllBytesAsync(scratch.SecretsFile);

            var run = await scratch.BuildAsync("SecretsRotate", "--remove-recipient", "age1nosuchrecipient");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"cannot remove 'age1nosuchrecipient': it is not a recipient; recipients: {scratch.Recipient}", run.StandardOutput);
            Assert.Equal(before, await File.ReadAllBytesAsync(scratch.SecretsFile));
        }

        [Fact]
        public async Task SecretsRotateAddsARecipientWhoCanThenDecrypt()
        {
            var scratch = await ScratchAsync(("api_key", ApiKey));
            var teammate = Path.Combine(scratch.Root, "teammate.txt");
            var recipient = await AgeKeyGen.GenerateAsync(teammate);

            var run = await scratch.BuildAsync("SecretsRotate", "--add-recipient", recipient);

            AssertSucceeded(run);
            Assert.Equal(ApiKey, (await SopsDocument.LoadAsync(scratch.SecretsFile, AgeKeySources.FromKeyFile(teammate))).Get("api_key").Reveal());
        }

        [Fact]
        public async Task SecretsInitCreatesTheKeyWhereSopsLooksAndAFileWithTheComposeSecrets()
        {
            var scratch = await ScratchAsync();
            await File.WriteAllTextAsync(Path.Combine(scratch.Root, ".sops.yaml"),
                "creation_rules:\n  - path_regex: secrets\\.enc\\.yaml$\n    age: run-SecretsInit-to-put-your-age1-recipient-here\n");

            var run = await scratch.BuildAsync(scratch.Environment(("SOPS_AGE_KEY_FILE", null)), null, "SecretsInit");

            AssertSucceeded(run);
            var keyFile = Path.Combine(scratch.Home, ".config", "sops", "age", "keys.txt");
            var recipient = Assert.Single(await AgeKeyGen.RecipientsOfAsync(keyFile));
            Assert.Contains($"age: {recipient}", await File.ReadAllTextAsync(Path.Combine(scratch.Root, ".sops.yaml")));
            var document = await SopsDocument.LoadAsync(scratch.SecretsFile, AgeKeySources.FromKeyFile(keyFile));
            Assert.Equal(["api_key"], document.Keys);
            Assert.DoesNotContain(document.Get("api_key").Reveal(), run.StandardOutput);
        }
    }
}
