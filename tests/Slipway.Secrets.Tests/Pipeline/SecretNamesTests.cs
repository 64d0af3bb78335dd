using Slipway.Secrets.Pipeline;

namespace Slipway.Secrets.Tests.Pipeline;

public sealed class SecretNamesTests
{
    [Theory]
    [InlineData("RegistryPassword", "registry_password")]
    [InlineData("ForgeApiToken", "forge_api_token")]
    [InlineData("SmtpURLPassword", "smtp_url_password")]
    [InlineData("Token", "token")]
    public void AMemberReadsTheSnakeCaseKey(string member, string key) => Assert.Equal(key, SecretNames.KeyOfMember(member));

    [Theory]
    [InlineData("api_key", "API_KEY")]
    [InlineData("db.password", "DB_PASSWORD")]
    [InlineData("1st-token", "_1ST_TOKEN")]
    public void AKeyIsOfferedAsAnUpperSnakeVariable(string key, string variable) => Assert.Equal(variable, SecretNames.VariableOf(key));

    [Theory]
    [InlineData("registry_user", true)]
    [InlineData("smtp_username", true)]
    [InlineData("registry_password", false)]
    public void UserNamesAreIdentitiesNotSecrets(string key, bool isIdentity) => Assert.Equal(isIdentity, SecretNames.IsIdentity(key));
}
