using Slipway.Secrets.Tests.Support;

namespace Slipway.Secrets.Tests;

// PGP-only files cannot be decrypted here, but their structure parses and their keys list without any key.
public sealed class PgpFixtureTests
{
    public static TheoryData<string> PgpFixtures => new(Directory.GetFiles(Fixtures.Path("pgp")).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(PgpFixtures))]
    public void EveryPgpFixtureParsesAndListsItsKeys(string name)
    {
        var keys = SopsDocument.ListKeys(Fixtures.Path("pgp/" + name));

        Assert.NotEmpty(keys);
    }

    [Theory]
    [MemberData(nameof(PgpFixtures))]
    public async Task EveryPgpFixtureIsRefusedAsNotAgeEncrypted(string name)
    {
        AgeTool.Require();
        var ex = await Assert.ThrowsAsync<SecretsException>(() =>
            SopsDocument.LoadAsync(Fixtures.Path("pgp/" + name), KeySourcesFor.FixtureKeys));

        Assert.StartsWith("not supported: ", ex.Message);
        Assert.Contains($"is encrypted only for PGP keys ({Fixtures.PgpFingerprint}", ex.Message);
        Assert.Contains("Slipway supports age recipients", ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    [Fact]
    public void NestedPgpJsonListsEveryLeafInOrder()
    {
        var keys = SopsDocument.ListKeys(Fixtures.Path("pgp/examples__per_file__config.enc__static_github.json"));

        Assert.Equal(
        [
            "common/github_username_unencrypted", "common/github_password",
            "test/github_username_unencrypted", "test/github_password",
            "production/github_username_unencrypted", "production/github_password",
        ], keys);
    }

    [Fact]
    public void PgpDotenvAndIniFilesListTheirKeys()
    {
        Assert.Equal(["foo "], SopsDocument.ListKeys(Fixtures.Path("pgp/functional-tests__res__format.enc.env")));
        Assert.Equal(["foo/bar"], SopsDocument.ListKeys(Fixtures.Path("pgp/functional-tests__res__format-2.enc.ini")));
        Assert.Equal(["message"], SopsDocument.ListKeys(Fixtures.Path("pgp/functional-tests__res__multiple_keys.yaml")));
    }

    [Fact]
    public void ListingKeysNeverShowsValues()
    {
        var keys = SopsDocument.ListKeys(Fixtures.Path("pgp/example.yaml"));

        Assert.DoesNotContain(keys, k => k.Contains("ENC[") || k.Contains("clear text"));
        Assert.Contains("somelist_unencrypted/2", keys);
    }
}
