using Slipway.Engine.Cli;

namespace Slipway.Engine.Parameters;

/// <summary>Sets parameters from, highest first: command line, environment, secret source, profile files, parameters.json.</summary>
internal sealed class ParameterService(
    IReadOnlyList<ParameterMember> parameters,
    ParsedArguments arguments,
    IReadOnlyDictionary<string, string> environment,
    AbsolutePath root)
{
    const string EnvironmentPrefix = "SLIPWAY_";

    /// <summary>Secrets go last so a secret source may depend on ordinary parameters (e.g. a secrets file path).</summary>
    public void Inject(BuildBase build)
    {
        ThrowOnUnknownOptions();
        var files = ParameterFile.LoadAll(root, arguments.Profiles, parameters);
        foreach (var parameter in parameters.Where(p => !p.IsSecret))
            Inject(build, parameter, files, secretSource: null);
        var secretSource = build.GetSecretParameterSource();
        foreach (var parameter in parameters.Where(p => p.IsSecret))
            Inject(build, parameter, files, secretSource);
    }

    void ThrowOnUnknownOptions()
    {
        var unknown = arguments.Options.FirstOrDefault(option =>
            parameters.All(p => p.NormalizedName != ParameterNames.Normalize(option.Flag)));
        if (unknown is null)
            return;
        var known = parameters.Select(p => p.Flag).Concat(ArgumentParser.BuiltInFlags);
        var hint = NameSuggester.Suggest(unknown.Flag, known) is { } suggestion ? $"; did you mean '{suggestion}'? See" : ". See";
        throw new BuildUsageException($"Unknown parameter '{unknown.Flag}'{hint} ./build.sh --help");
    }

    void Inject(BuildBase build, ParameterMember parameter, IReadOnlyList<ParameterFile> files, IParameterSource? secretSource)
    {
        var raw = FromCommandLine(parameter) ?? FromEnvironment(parameter) ?? FromSecretSource(parameter, secretSource) ?? FromFiles(parameter, files);
        if (raw is not null)
        {
            if (parameter.IsSecret)
                raw.Tokens.ToList().ForEach(SecretMasker.Register);
            parameter.SetValue(build, ValueConverter.Convert(raw.Tokens, parameter.Type, parameter.Flag, root, raw.Origin));
        }
        if (parameter.IsSecret)
            RegisterSecret(parameter.GetValue(build));
    }

    RawValue? FromCommandLine(ParameterMember parameter)
    {
        var option = arguments.Options.FirstOrDefault(o => ParameterNames.Normalize(o.Flag) == parameter.NormalizedName);
        if (option is null)
            return null;
        if (option.Values.Count == 0 && (Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type) != typeof(bool))
            throw new BuildUsageException(
                $"Parameter '{parameter.Flag}' needs a value: {parameter.Flag} <{ValueConverter.Describe(parameter.Type)}>");
        return new RawValue(option.Values, "");
    }

    /// <summary>An empty variable counts as unset, as CI systems expand missing secrets to "".</summary>
    RawValue? FromEnvironment(ParameterMember parameter) =>
        new[] { EnvironmentPrefix + parameter.EnvironmentName, parameter.EnvironmentName }
            .Where(name => environment.TryGetValue(name, out var value) && value.Length > 0)
            .Select(name => new RawValue(Split(parameter, environment[name]), $" (from environment variable {name})"))
            .FirstOrDefault();

    static RawValue? FromSecretSource(ParameterMember parameter, IParameterSource? source) =>
        source is not null && source.TryGetValue(parameter.MemberName, out var value) && value is not null
            ? new RawValue(Split(parameter, value), " (from the secret parameter source)")
            : null;

    static RawValue? FromFiles(ParameterMember parameter, IReadOnlyList<ParameterFile> files) =>
        files.Where(file => file.Values.ContainsKey(parameter))
            .Select(file => new RawValue(file.Values[parameter], $" (from {file.DisplayPath})"))
            .FirstOrDefault();

    /// <summary>Array values given as one string (environment, secret source) are separated by whitespace or commas.</summary>
    static IReadOnlyList<string> Split(ParameterMember parameter, string value) =>
        (Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type).IsArray
            ? value.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            : [value];

    static void RegisterSecret(object? value)
    {
        if (value is string or not System.Collections.IEnumerable)
            SecretMasker.Register(ValueConverter.Format(value));
        else
            foreach (var item in (System.Collections.IEnumerable)value)
                SecretMasker.Register(ValueConverter.Format(item));
    }

    sealed record RawValue(IReadOnlyList<string> Tokens, string Origin);
}
