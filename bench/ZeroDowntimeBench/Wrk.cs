using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ZeroDowntimeBench;

/// <summary>What wrk counted over one phase.</summary>
sealed record LoadResult(string Phase, long Requests, long Failed, double LongestGapMs, double Seconds, string Detail)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>wrk running in the background until stopped with SIGINT (on which it prints its summary and the script's ZD line).</summary>
sealed partial class Wrk
{
    readonly Process _process;
    readonly Task<string> _output;

    Wrk(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
    }

    public static Wrk Start(Uri url, string script, int connections) => new(Process.Start(new ProcessStartInfo("wrk",
        ["-t2", $"-c{connections}", "-d600s", "--timeout", "5s", "-s", script, url.ToString()])
    {
        RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
    })!);

    public async Task<LoadResult> StopAsync(string phase)
    {
        _ = kill(_process.Id, 2);
        await _process.WaitForExitAsync();
        var text = await _output;
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("ZD ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result: {text}{await _process.StandardError.ReadToEndAsync()}");
        var v = ZdValue().Matches(line).ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        var socket = v["connect"] + v["read"] + v["write"] + v["timeout"];
        return new LoadResult(phase, (long)(v["requests"] + v["connect"]), (long)(socket + v["non2xx"]), v["gap_ms"], v["duration_us"] / 1e6,
            $"non-2xx {v["non2xx"]}, socket errors: connect {v["connect"]}, read {v["read"]}, write {v["write"]}, timeout {v["timeout"]}; max latency {v["maxlat_us"] / 1000:0} ms");
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);

    [GeneratedRegex(@"(\w+)=([0-9.]+)")]
    private static partial Regex ZdValue();
}
