using System.Diagnostics;

namespace Slipway.Secrets.Tests.Support;

/// <summary>
/// The real age CLI the tests run against. When it is missing every test using it fails (never skips)
/// with one message saying what to install.
/// </summary>
internal static class AgeTool
{
    private static readonly Lazy<string?> Problem = new(FindProblem);

    public static void Require()
    {
        if (Problem.Value is { } problem) Assert.Fail(problem);
    }

    /// <summary>A fresh identity file (by our AgeKeyGen wrapper) and its recipient.</summary>
    public static async Task<(string File, string Recipient)> NewIdentityAsync(TempDir dir, string name = "key.txt")
    {
        Require();
        var file = dir.File(name);
        var recipient = await AgeKeyGen.GenerateAsync(file);
        return (file, recipient);
    }

    /// <summary>Runs a tool and returns exit code and raw stdout, feeding stdin if given.</summary>
    public static (int ExitCode, byte[] Output, string Error) Run(string tool, string[] args, string? stdin = null)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        using var output = new MemoryStream();
        var errorTask = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        return (process.ExitCode, output.ToArray(), errorTask.Result);
    }

    private static string? FindProblem()
    {
        foreach (var tool in new[] { "age", "age-keygen" })
        {
            try
            {
                var (code, _, _) = Run(tool, ["--version"]);
                if (code != 0) return $"'{tool} --version' failed; the secrets tests need a working age 1.1+ CLI";
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return $"the '{tool}' CLI is not on PATH; the secrets tests use the real age CLI: install it (apt install age) and rerun";
            }
        }
        return null;
    }
}
