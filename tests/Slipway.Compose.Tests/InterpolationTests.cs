using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

public sealed class InterpolationTests
{
    private static readonly Dictionary<string, string> Variables = Inline.Variables(("TAG", "1.2"), ("EMPTY", ""), ("REGISTRY", "ghcr.io/acme"));

    private static string Expand(string value) =>
        Inline.Load(Inline.WebYaml($"environment:\n  VALUE: \"{value}\""), Variables).Services["web"].Environment["VALUE"];

    [Theory]
    [InlineData("$TAG", "1.2")]
    [InlineData("v$TAG-final", "v1.2-final")]
    [InlineData("${TAG}", "1.2")]
    [InlineData("${REGISTRY}/web:${TAG}", "ghcr.io/acme/web:1.2")]
    [InlineData("${MISSING:-fallback}", "fallback")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${TAG:-fallback}", "1.2")]
    [InlineData("${MISSING-fallback}", "fallback")]
    [InlineData("${EMPTY-fallback}", "")]
    [InlineData("${EMPTY?is required}", "")]
    [InlineData("${TAG:?is required}", "1.2")]
    [InlineData("${MISSING:-${TAG}}", "1.2")]
    [InlineData("${MISSING:-a}}", "a}")]
    [InlineData("cost: $$5", "cost: $5")]
    [InlineData("$${TAG}", "${TAG}")]
    [InlineData("no variables", "no variables")]
    public void VariablesExpandLikeCompose(string value, string expected)
    {
        Assert.Equal(expected, Expand(value));
    }

    [Fact]
    public void AnUnsetVariableBecomesEmptyWithALocatedWarning()
    {
        var project = Inline.Load(Inline.WebYaml("environment:\n  VALUE: a${MISSING}b"), Variables);

        Assert.Equal("ab", project.Services["web"].Environment["VALUE"]);
        Assert.Equal(
            ["compose/app.yml:5:14 services/web/environment/VALUE: variable 'MISSING' is not set; using an empty string (set it, or give a default with ${MISSING:-value})"],
            project.Warnings);
    }

    [Fact]
    public void ARequiredVariableThatIsUnsetStopsTheLoadNamingFileLineAndVariable()
    {
        var error = Inline.Refuse("services:\n  web:\n    image: \"shop:${TAG:?set TAG to the release version}\"", Variables.Where(v => v.Key != "TAG").ToDictionary());

        Assert.Equal("compose/app.yml:3:12 services/web/image: required variable 'TAG' is not set: set TAG to the release version", error.Message);
    }

    [Fact]
    public void ARequiredVariableThatIsEmptyStopsTheLoadWithColonQuestion()
    {
        var error = Inline.Refuse(Inline.WebYaml("user: ${EMPTY:?}"), Variables);

        Assert.Equal("compose/app.yml:4:11 services/web/user: required variable 'EMPTY' is empty: set it before loading the compose files", error.Message);
    }

    [Fact]
    public void AQuestionMarkWithoutColonStopsOnlyWhenUnset()
    {
        var error = Inline.Refuse(Inline.WebYaml("user: ${MISSING?needs a user}"), Variables);

        Assert.Equal("compose/app.yml:4:11 services/web/user: required variable 'MISSING' is not set: needs a user", error.Message);
    }

    [Theory]
    [InlineData("price $5")]
    [InlineData("trailing $")]
    [InlineData("${TAG")]
    [InlineData("${}")]
    [InlineData("${TAG:+alt}")]
    public void AMalformedExpressionIsRefused(string value)
    {
        var error = Inline.Refuse(Inline.WebYaml($"user: \"{value}\""), Variables);

        Assert.Equal($"compose/app.yml:4:11 services/web/user: invalid interpolation in '{value}' "
            + "(use $VAR, ${VAR}, ${VAR:-default}, ${VAR:?message}; write $$ for a literal $)", error.Message);
    }

    [Fact]
    public void KeysAreNotInterpolated()
    {
        var web = Inline.Web("labels:\n  $TAG: value", variables: Variables);

        Assert.Equal("value", web.Labels["$TAG"]);
    }

    [Fact]
    public void ExtensionsAreNotInterpolated()
    {
        var project = Inline.Load("x-note: ${MISSING:?never read}\n" + Inline.WebYaml(""), Variables);

        Assert.Empty(project.Warnings);
    }
}
