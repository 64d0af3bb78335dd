using YamlDotNet.RepresentationModel;

namespace Slipway.Compose.Reading;

/// <summary>Reads one validated compose file into a <see cref="FileDraft"/>.</summary>
internal static class FileReader
{
    public static FileDraft Read(ValueReader r, YamlMappingNode root)
    {
        var draft = new FileDraft(r.File);
        foreach (var (key, keyNode, value, path) in r.Entries(root, ""))
        {
            switch (key)
            {
                case "name":
                    draft.Name = r.Text(value, path) is { } name ? new Placed<string>(name, r.PlaceOf(value, path)) : null;
                    break;
                case "services":
                    foreach (var (service, serviceKey, body, servicePath) in r.Entries(value, path))
                        draft.Services[service] = ServiceReader.Read(r, serviceKey, service, body, servicePath);
                    break;
                case "volumes":
                    foreach (var (volume, _, body, volumePath) in r.Entries(value, path))
                        draft.Volumes[volume] = ResourceReader.ReadVolume(r, body, volumePath);
                    break;
                case "networks":
                    foreach (var (network, _, body, networkPath) in r.Entries(value, path))
                        draft.Networks[network] = ResourceReader.ReadNetwork(r, body, networkPath);
                    break;
                case "secrets":
                    foreach (var (secret, secretKey, body, secretPath) in r.Entries(value, path))
                        draft.Secrets[secret] = ResourceReader.ReadSecret(r, secret, secretKey, body, secretPath);
                    break;
                default:
                    if (!key.StartsWith("x-", StringComparison.Ordinal))
                        throw r.Unread(value, path);
                    break;
            }
        }
        return draft;
    }
}
