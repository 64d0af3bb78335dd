using System.Globalization;
using Serilog;
using Slipway.Deploy;
using Slipway.Deploy.Releases;
using Slipway.Deploy.State;
using Slipway.Docker;
using Slipway.Tooling;
using ZeroDowntimeBench;

// Zero-downtime benchmark (see bench/zero-downtime): wrk on a throwaway prod-like environment behind its edge during a deploy and a
// rollback (ReleaseManager, as DeployProd and Rollback run them), then the seeds' stop-old/start-new in another throwaway project.
const string BaseImage = "slipway/debian:bookworm-minbase";
var edgePort = int.Parse(args[0], CultureInfo.InvariantCulture);
var seedPort = int.Parse(args[1], CultureInfo.InvariantCulture);
var connections = int.Parse(args[2], CultureInfo.InvariantCulture);
var script = Path.GetFullPath(args[3]);
var root = Directory.GetCurrentDirectory();
var work = Path.GetFullPath(Path.Combine(".nuke", "temp", "bench", "zero-downtime"));
var (edgeProject, seedProject, stateName) = ("slipway-bench-zd", "slipway-bench-zd-seed", "slipway-state-bench-zd");
Log.Logger = new LoggerConfiguration().MinimumLevel.Information().WriteTo.Console(outputTemplate: "  {Message:lj}{NewLine}").CreateLogger();

using var docker = await DockerConnection.ConnectAsync(Environment.GetEnvironmentVariable("DOCKER_HOST"));
var images = new ImageOperations(docker);
if (await images.InspectAsync(BaseImage) is null) throw new InvalidOperationException($"{BaseImage} is missing; run ./build.sh BaseImage first");
Directory.CreateDirectory(work);
try
{
    await CleanAsync();
    Console.WriteLine("Publishing the sample service and building two releases of it ...");
    var publish = Path.Combine(work, "publish");
    await DotNetTasks.PublishAsync(Path.Combine(root, "src", "SampleService", "SampleService.csproj"), publish, "linux-x64",
        new Dictionary<string, string> { ["Version"] = "1.0.0", ["SourceRevisionId"] = new string('a', 40) });
    var first = await BuildAsync(publish, "1.0.0", 'a');
    var second = await BuildAsync(publish, "2.0.0", 'b');

    var releases = new ReleaseManager(docker, new ReleaseSettings(5, "bench@zero-downtime") { StateName = stateName });
    DeployRequest Request(string project, int port, ImageRef image, char commit) =>
        new(project == edgeProject ? "bench" : "bench-seed", project, Compose(project, port), image, new string(commit, 40), image.Tag!)
        {
            UseEdge = project == edgeProject, HealthTimeout = TimeSpan.FromSeconds(60), DrainTime = TimeSpan.FromSeconds(2),
        };

    Console.WriteLine($"Deploying release 1.0.0 behind the edge on 127.0.0.1:{edgePort} ...");
    var r1 = await releases.DeployAsync(Request(edgeProject, edgePort, first, 'a'));
    await releases.RecordSmokeTestAsync("bench", r1.Id, passed: true, "bench");
    var results = new List<LoadResult>
    {
        await UnderLoadAsync("deploy 2.0.0 (edge)", edgePort, () => releases.DeployAsync(Request(edgeProject, edgePort, second, 'b'))),
        await UnderLoadAsync("rollback to 1.0.0 (edge)", edgePort, () => releases.RollbackAsync("bench", edgeProject, r1.Id, "bench", null,
            configure: r => r with { HealthTimeout = TimeSpan.FromSeconds(60), DrainTime = TimeSpan.FromSeconds(2) })),
    };
    Console.WriteLine($"Deploying release 1.0.0 the seeds' way (the container publishes 127.0.0.1:{seedPort} itself) ...");
    await new Deployer(docker).DeployAsync(Request(seedProject, seedPort, first, 'a'));
    results.Add(await UnderLoadAsync("seeds' way: stop old, start new", seedPort,
        () => new Deployer(docker).DeployAsync(Request(seedProject, seedPort, second, 'b'))));

    Console.WriteLine();
    Console.WriteLine($"wrk -t2 -c{connections} on GET /health, loopback, {Environment.ProcessorCount} cores; load from 2 s before each change until 2 s after it");
    Console.WriteLine($"{"phase",-34} {"requests",10} {"failed",8} {"longest gap",12} {"req/s",8}");
    foreach (var r in results)
        Console.WriteLine($"{r.Phase,-34} {r.Requests,10:N0} {r.Failed,8:N0} {r.LongestGapMs,9:N0} ms {r.RequestsPerSecond,8:N0}");
    Console.WriteLine();
    foreach (var r in results) Console.WriteLine($"{r.Phase}: {r.Detail}");
    var edgeOk = results.Take(2).All(r => r.Failed == 0 && r.RequestsPerSecond >= 5000);
    Console.WriteLine($"goal (0 failed requests for deploy and rollback at >= 5,000 req/s): {(edgeOk ? "met" : "NOT met")}");
    return edgeOk ? 0 : 1;
}
finally
{
    await CleanAsync();
}

async Task<LoadResult> UnderLoadAsync(string phase, int port, Func<Task> change)
{
    Console.WriteLine($"{phase}, under load ...");
    var wrk = Wrk.Start(new Uri($"http://127.0.0.1:{port}/health"), script, connections);
    await Task.Delay(TimeSpan.FromSeconds(2));
    await change();
    await Task.Delay(TimeSpan.FromSeconds(2));
    return await wrk.StopAsync(phase);
}

async Task<ImageRef> BuildAsync(string publish, string version, char commit)
{
    var git = new GitInfo(new string(commit, 40), "bench", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), 1, false);
    var settings = new ReleaseImageSettings("slipway-bench/zd-sample", Path.Combine(root, "src", "SampleService", "Dockerfile"), publish, BaseImage, version, git);
    var built = await new ReleaseImageBuilder(images).BuildAsync(settings);
    return built.Tags.First(t => t.Tag == version);
}

IReadOnlyList<string> Compose(string project, int port)
{
    var directory = Path.Combine(work, project);
    Directory.CreateDirectory(directory);
    File.Copy(Path.Combine(root, "compose", "compose.yml"), Path.Combine(directory, "compose.yml"), overwrite: true);
    File.WriteAllText(Path.Combine(directory, "prod.yml"), $"services:\n  app:\n    ports:\n      - \"127.0.0.1:{port}:8080\"\n    environment:\n      LOG_LEVEL: Information\n");
    return [Path.Combine(directory, "compose.yml"), Path.Combine(directory, "prod.yml")];
}

async Task CleanAsync()
{
    var containers = new ContainerOperations(docker);
    foreach (var project in new[] { edgeProject, seedProject })
    {
        foreach (var c in await containers.ListAsync(new Dictionary<string, string> { [ComposeLabels.Project] = project })) await containers.RemoveAsync(c.ID);
        await new VolumeOperations(docker).RemoveAsync($"{project}_data");
        await new NetworkOperations(docker).RemoveAsync($"{project}_default");
    }
    await new StateStore(docker, stateName).DestroyAsync();
}
