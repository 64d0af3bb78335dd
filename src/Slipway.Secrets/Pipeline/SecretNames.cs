using System.Text;

namespace Slipway.Secrets.Pipeline;

/// <summary>How keys of the secrets file meet other names: build members (RegistryPassword) and variables (REGISTRY_PASSWORD).</summary>
public static class SecretNames
{
    /// <summary>RegistryPassword -> registry_password: the key a [Secret] member is read from.</summary>
    public static string KeyOfMember(string memberName)
    {
        var key = new StringBuilder();
        for (var i = 0; i < memberName.Length; i++)
        {
            var c = memberName[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(memberName[i - 1]) || i + 1 < memberName.Length && char.IsLower(memberName[i + 1])))
                key.Append('_');
            key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString();
    }

    /// <summary>api_key -> API_KEY, db.password -> DB_PASSWORD: the environment variable a key is offered as.</summary>
    public static string VariableOf(string key)
    {
        var name = new string(key.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray());
        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "_" + name : name;
    }

    /// <summary>A user name is who logs in, not a secret: it is passed on but not masked (masking "admin" would blank every log line naming it).</summary>
    public static bool IsIdentity(string key) =>
        key.EndsWith("user", StringComparison.OrdinalIgnoreCase) || key.EndsWith("username", StringComparison.OrdinalIgnoreCase);
}
