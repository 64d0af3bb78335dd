using Serilog;
using Slipway.Tooling;

namespace Slipway.Docker;

/// <summary>Makes a Debian base image without any public registry: debootstrap a minbase root filesystem and import it, once per tag.</summary>
public sealed class BaseImageBootstrapper(ImageOperations images, string workDirectory)
{
    public async Task EnsureAsync(ImageRef image, string suite, string mirror, CancellationToken ct = default)
    {
        if (await images.InspectAsync(image.ToString(), ct) is not null)
        {
            Log.Information("Base image {Image} is present", image.ToString());
            return;
        }
        if (!ToolRunner.IsOnPath("debootstrap") && !File.Exists("/usr/sbin/debootstrap"))
            throw new ToolNotFoundException("debootstrap", "bootstrapping the base image needs it");

        var root = Path.Combine(workDirectory, $"rootfs-{Guid.NewGuid():N}");
        var tarball = root + ".tar";
        try
        {
            Log.Information("Bootstrapping {Image} from {Mirror} ({Suite}, minbase); this takes about half a minute", image.ToString(), mirror, suite);
            await ToolRunner.RunAsync(new ToolInvocation("debootstrap", ["--variant=minbase", suite, root, mirror]), ct);
            // Package lists and caches make the image bigger and leak the build host's mirror choice.
            await ToolRunner.RunAsync(new ToolInvocation("/bin/sh", ["-c", $"rm -rf '{root}/var/cache/apt/archives/'*.deb '{root}/var/lib/apt/lists/'*"]), ct);
            await ToolRunner.RunAsync(new ToolInvocation("tar", ["--numeric-owner", "-C", root, "-cf", tarball, "."]), ct);
            await using var stream = File.OpenRead(tarball);
            await images.ImportAsync(stream, image, ct);
        }
        finally
        {
            await ToolRunner.RunAsync(new ToolInvocation("rm", ["-rf", root, tarball]) { ThrowOnFailure = false }, CancellationToken.None);
        }
    }
}
