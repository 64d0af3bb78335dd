namespace Slipway.Docker;

/// <summary>The labels compose puts on what it creates; we set them too so `docker compose -p NAME ps/logs` sees our containers.</summary>
public static class ComposeLabels
{
    public const string Project = "com.docker.compose.project";
    public const string Service = "com.docker.compose.service";
    public const string ContainerNumber = "com.docker.compose.container-number";
    public const string OneOff = "com.docker.compose.oneoff";
    public const string ConfigHash = "com.docker.compose.config-hash";
    public const string ConfigFiles = "com.docker.compose.project.config_files";
    public const string WorkingDir = "com.docker.compose.project.working_dir";
    public const string Network = "com.docker.compose.network";
    public const string Volume = "com.docker.compose.volume";
    public const string Version = "com.docker.compose.version";
}
