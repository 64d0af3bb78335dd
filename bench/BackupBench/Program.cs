using System.Diagnostics;
using System.Globalization;
using Docker.DotNet.Models;
using Serilog;
using Slipway.Backup;
using Slipway.Backup.Restic;
using Slipway.Docker;
using Slipway.Secrets;

// Backup benchmark: a volume of mixed data (60 % random files of mixed sizes, 40 % compressible CSV text); a first backup,
// a second with no change, a third after changing 1 % of the bytes; time and repository growth of each (median of N rounds,
// each into a fresh repository); and the seed's full `tar czf` of the same data. Goal: second <= 0.6x the first's time and
// <= 0.01 % growth.
const string Image = "slipway/debian:bookworm-minbase";
var sizeMiB = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1024;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var work = Path.GetFullPath(Path.Combine(".nuke", "temp", "bench", "backup"));
var volume = $"slipway-bench-backup-{Environment.ProcessId}";
var password = new SecretValue(Guid.NewGuid().ToString("N"));
Log.Logger = new LoggerConfiguration().MinimumLevel.Warning().WriteTo.Console().CreateLogger();

using var docker = await DockerConnection.ConnectAsync(Environment.GetEnvironmentVariable("DOCKER_HOST"));
if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
Directory.CreateDirectory(work);
try
{
    Console.WriteLine($"Generating {sizeMiB} MiB of mixed data in volume {volume} ...");
    await RunAsync($$"""
        set -e; cd /data; mkdir -p bin txt
        left=$(( {{sizeMiB}} * 1048576 * 6 / 10 )); i=0
        while [ $left -gt 0 ]; do
          case $((i % 6)) in 0) s=65536;; 1) s=262144;; 2) s=1048576;; 3) s=4194304;; 4) s=16777216;; *) s=33554432;; esac
          [ $s -gt $left ] && s=$left
          head -c $s /dev/urandom > bin/r-$i.bin; left=$((left - s)); i=$((i + 1))
        done
        left=$(( {{sizeMiB}} * 1048576 * 4 / 10 )); i=0
        while [ $left -gt 0 ]; do
          awk -v seed=$i 'BEGIN { srand(seed); for (n = 0; n < 120000; n++) printf "%d,sensor-%02d,%.4f,%s\n", n, n % 97, rand() * 1000, (rand() < 0.01 ? "alarm" : "ok") }' > txt/readings-$i.csv
          left=$((left - $(stat -c %s txt/readings-$i.csv))); i=$((i + 1))
        done
        """);

    var rows = new List<Run>[] { [], [], [] };
    for (var round = 1; round <= rounds; round++)
    {
        var repository = new ResticRepository(new ResticSettings(Path.Combine(work, $"repo-{round}"), password));
        await repository.InitAsync();
        var runner = new BackupRunner(docker, repository, Image);
        var request = new BackupRequest("bench", BackupKind.Daily, "bench", "0000000") { Volumes = [volume], Retention = null };
        rows[0].Add(await MeasureAsync(repository, $"round {round}: first backup", () => runner.RunAsync(request)));
        rows[1].Add(await MeasureAsync(repository, $"round {round}: second, unchanged", () => runner.RunAsync(request)));
        await ChangeOnePercentAsync(round);
        rows[2].Add(await MeasureAsync(repository, $"round {round}: third, 1 % changed", () => runner.RunAsync(request)));
    }
    var (gzipTime, gzipBytes) = await TarGzAsync();

    var (first, second, third) = (Median(rows[0]), Median(rows[1]), Median(rows[2]));
    Console.WriteLine();
    Console.WriteLine($"{sizeMiB} MiB of mixed data, median of {rounds} rounds");
    Console.WriteLine($"{"run",-22} {"time",9} {"repo growth",14}");
    foreach (var (name, run) in new[] { ("first backup", first), ("second, unchanged", second), ("third, 1 % changed", third) })
        Console.WriteLine($"{name,-22} {run.Time.TotalSeconds,8:0.00}s {ByteSize.Format(run.Growth),14}");
    Console.WriteLine($"{"tar czf (seed 002)",-22} {gzipTime.TotalSeconds,8:0.00}s {ByteSize.Format(gzipBytes),14} (archive size)");
    Console.WriteLine();
    Console.WriteLine($"second/first time: {second.Time / first.Time:0.00}x (goal <= 0.6x); per round: " +
        string.Join(", ", rows[1].Zip(rows[0], (b, a) => $"{b.Time / a.Time:0.00}x")));
    Console.WriteLine($"second growth: {100.0 * second.Growth / first.Growth:0.0000} % of the first backup (goal <= 0.01 %)");
    Console.WriteLine($"third growth: {100.0 * third.Growth / first.Growth:0.00} % of the first backup, for 1 % of the bytes changed");
}
finally
{
    await new VolumeOperations(docker).RemoveAsync(volume);
    if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
}

static Run Median(List<Run> runs) =>
    new(runs.Select(r => r.Time).Order().ElementAt(runs.Count / 2), runs.Select(r => r.Growth).Order().ElementAt(runs.Count / 2));

async Task<Run> MeasureAsync(ResticRepository repository, string name, Func<Task<BackupResult>> backup)
{
    var before = DirectorySize(repository.Settings.Repository);
    var clock = Stopwatch.StartNew();
    var result = await backup();
    clock.Stop();
    Console.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:0.00}s, restic added {ByteSize.Format(result.Summary.DataAdded)} of {ByteSize.Format(result.Summary.TotalBytesProcessed)} streamed");
    return new Run(clock.Elapsed, DirectorySize(repository.Settings.Repository) - before);
}

// 1 % of the bytes, rewritten in 1 MiB blocks of the biggest random files (another block each round), plus rows appended to three CSV files.
async Task ChangeOnePercentAsync(int round) => await RunAsync($"""
    set -e; cd /data
    for f in $(ls -S bin | head -{Math.Max(1, sizeMiB / 100)}); do dd if=/dev/urandom of=bin/$f bs=1048576 count=1 seek={round} conv=notrunc status=none; done
    for f in $(ls txt | head -3); do seq 1 1000 | sed 's/$/,appended,1.0,ok/' >> txt/$f; done
    """);

async Task<(TimeSpan, long)> TarGzAsync()
{
    var output = await RunAsync("start=$(date +%s.%N); bytes=$(tar czf - -C /data . | wc -c); end=$(date +%s.%N); echo $bytes $start $end", readOnly: true);
    var parts = output.Trim().Split(' ');
    var seconds = double.Parse(parts[2], CultureInfo.InvariantCulture) - double.Parse(parts[1], CultureInfo.InvariantCulture);
    return (TimeSpan.FromSeconds(seconds), long.Parse(parts[0], CultureInfo.InvariantCulture));
}

async Task<string> RunAsync(string script, bool readOnly = false)
{
    var id = (await docker.Containers.CreateContainerAsync(new CreateContainerParameters
    {
        Image = Image, Cmd = ["bash", "-c", script],
        HostConfig = new HostConfig { Mounts = [new Mount { Type = "volume", Source = volume, Target = "/data", ReadOnly = readOnly }], NetworkMode = "none" },
    })).ID;
    try
    {
        await docker.Containers.StartContainerAsync(id, new ContainerStartParameters());
        var exit = await docker.Containers.WaitContainerAsync(id);
        var output = await new ContainerOperations(docker).TailLogsAsync(id, 100);
        if (exit.StatusCode != 0) throw new InvalidOperationException($"script failed ({exit.StatusCode}): {output}");
        return output;
    }
    finally
    {
        await new ContainerOperations(docker).RemoveAsync(id);
    }
}

static long DirectorySize(string path) =>
    Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;

record Run(TimeSpan Time, long Growth);
