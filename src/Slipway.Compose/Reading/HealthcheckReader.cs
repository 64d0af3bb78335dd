using YamlDotNet.RepresentationModel;

namespace Slipway.Compose.Reading;

/// <summary>Reads a service's healthcheck: its test in the exec, shell or NONE form, and its timings.</summary>
internal static class HealthcheckReader
{
    public static HealthcheckDraft Read(ValueReader r, YamlNode node, string path)
    {
        var draft = new HealthcheckDraft();
        r.ReadKeys(node, path, (key, value, valuePath) =>
        {
            switch (key)
            {
                case "test": draft.Test = ReadTest(r, value, valuePath); break;
                case "interval": draft.Interval = r.Duration(value, valuePath); break;
                case "timeout": draft.Timeout = r.Duration(value, valuePath); break;
                case "retries": draft.Retries = r.Int(value, valuePath, 0, "retry count"); break;
                case "start_period": draft.StartPeriod = r.Duration(value, valuePath); break;
                case "disable": draft.Disable = r.Bool(value, valuePath); break;
                default: throw r.Unread(value, valuePath);
            }
        });
        return draft;
    }

    private static IReadOnlyList<string>? ReadTest(ValueReader r, YamlNode node, string path)
    {
        if (node is not YamlSequenceNode)
            return r.Text(node, path) is { } shell ? ["CMD-SHELL", shell] : null;
        var test = r.Items(node, path).Select(item => r.Text(item.Node, item.Path) ?? "").ToArray();
        var isValid = test switch
        {
            ["CMD", _, ..] => true,
            ["CMD-SHELL", _] => true,
            ["NONE"] => true,
            _ => false,
        };
        return isValid
            ? test
            : throw r.Error(node, path, "invalid healthcheck test (use [\"CMD\", program, args...], [\"CMD-SHELL\", command], [\"NONE\"] or a command string)");
    }
}
