using Slipway.Forge.Workflows;

namespace Slipway.Forge.Tests.Workflows;

public class YamlTextTests
{
    [Theory]
    [InlineData("develop", "develop")]
    [InlineData("${{ secrets.SOPS_AGE_KEY }}", "${{ secrets.SOPS_AGE_KEY }}")]
    [InlineData("https://data.forgejo.org/actions/checkout@v4", "https://data.forgejo.org/actions/checkout@v4")]
    [InlineData("true", "'true'")]
    [InlineData("on", "'on'")]
    [InlineData("30", "'30'")]
    [InlineData("feature/**", "'feature/**'")]
    [InlineData("0 3 * * *", "'0 3 * * *'")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("", "''")]
    [InlineData("${{ inputs.env == 'dev' }}", "\"${{ inputs.env == 'dev' }}\"")]
    [InlineData("it's \"quoted\"", "'it''s \"quoted\"'")]
    public void StringsAreQuotedOnlyWhenYamlCouldReadThemAsSomethingElse(string value, string written) =>
        Assert.Equal(written, YamlText.Scalar(value, isLiteral: false));

    [Fact]
    public void QuotedStringsReadBackUnchanged()
    {
        string[] values = ["true", "0 3 * * *", "it's \"quoted\"", "${{ inputs.env == 'dev' }}", "a: b #c"];
        var mapping = new YamlMapping();
        for (var i = 0; i < values.Length; i++)
            mapping.Add($"k{i}", values[i]);
        var parsed = new ParsedWorkflow("x.yml", YamlText.Write(mapping, []));
        for (var i = 0; i < values.Length; i++)
            Assert.Equal(values[i], ParsedWorkflow.Text(parsed.Root, $"k{i}"));
    }
}
