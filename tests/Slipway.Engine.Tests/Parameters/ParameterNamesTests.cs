using Slipway.Engine.Parameters;

namespace Slipway.Engine.Tests.Parameters;

using Assert = Xunit.Assert;

public sealed class ParameterNamesTests
{
    [Theory]
    [InlineData("RegistryUrl", "registry-url", "REGISTRY_URL")]
    [InlineData("SSHKey", "ssh-key", "SSH_KEY")]
    [InlineData("_retries", "retries", "RETRIES")]
    [InlineData("Port8080", "port8080", "PORT8080")]
    [InlineData("ApiToken", "api-token", "API_TOKEN")]
    public void MemberNamesBecomeKebabAndScreamingSnakeCase(string member, string kebab, string snake)
    {
        Assert.Equal(kebab, ParameterNames.ToKebabCase(member));
        Assert.Equal(snake, ParameterNames.ToScreamingSnakeCase(kebab));
    }
}
