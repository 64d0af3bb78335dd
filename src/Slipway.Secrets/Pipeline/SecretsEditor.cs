using System.ComponentModel;
using System.Diagnostics;
using Serilog;

namespace Slipway.Secrets.Pipeline;

/// <summary>
/// Edits a secrets file as `sops edit` does: decrypts it into a private temp file (mode 0600 in a 0700 folder),
/// opens the editor on it, and re-encrypts what was saved with the same data key. The plaintext is removed however
/// the editor ends; a failed editor or invalid text leaves the secrets file as it was.
/// </summary>
public sealed class SecretsEditor(Func<string, string?> variable)
{
    /// <summary>Returns false when the text came back unchanged (nothing is written then).</summary>
    public async Task<bool> EditAsync(string path, AgeKeySources keys, CancellationToken ct = default)
    {
        var document = await SopsDocument.LoadAsync(path, keys, ct);
        var folder = Path.Combine(Path.GetTempPath(), $"slipway-edit-{Guid.NewGuid():N}");
        IO.AtomicFile.CreateOwnerOnlyDirectory(folder);
        var plaintext = Path.Combine(folder, Path.GetFileName(path));
        try
        {
            document.WritePlaintext(plaintext);
            await RunEditorAsync(path, plaintext, ct);
            bool changed;
            try
            {
                changed = document.ReplaceWithPlaintext(plaintext);
            }
            catch (SecretsException e)
            {
                throw new SecretsException($"{path}: the edited text is not valid: {e.Message.Replace(plaintext, "edited text")}; nothing was saved", e);
            }
            if (!changed)
            {
                Log.Information("{File} unchanged; nothing to save", path);
                return false;
            }
            await document.SaveAsync(ct);
            return true;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task RunEditorAsync(string path, string plaintext, CancellationToken ct)
    {
        var command = Editor();
        var argv = CommandLine.Split(command);
        // No redirection: the editor gets the terminal the build runs in.
        var info = new ProcessStartInfo(argv[0]) { UseShellExecute = false };
        foreach (var arg in argv.Skip(1).Append(plaintext)) info.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new SecretsException($"cannot start the editor '{command}'; set EDITOR to an editor on PATH");
        }
        catch (Win32Exception)
        {
            throw new SecretsException($"cannot start the editor '{command}': not found; set EDITOR to an editor on PATH");
        }
        using (process)
        {
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
                throw new SecretsException($"{path}: the editor '{command}' exited with code {process.ExitCode}; the secrets file is unchanged");
        }
    }

    // sops' order: SOPS_EDITOR, EDITOR, then the first of vim, nano, vi on PATH.
    private string Editor()
    {
        foreach (var name in new[] { "SOPS_EDITOR", "EDITOR" })
            if (variable(name) is { Length: > 0 } editor && !string.IsNullOrWhiteSpace(editor)) return editor;
        var path = (variable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { "vim", "nano", "vi" }.FirstOrDefault(e => path.Any(dir => File.Exists(Path.Combine(dir, e))))
            ?? throw new SecretsException("no editor found: set EDITOR (e.g. EDITOR=nano ./build.sh SecretsEdit)");
    }
}
