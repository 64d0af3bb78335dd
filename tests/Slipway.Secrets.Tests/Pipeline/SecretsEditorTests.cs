using Slipway.Secrets.Pipeline;
using Slipway.Secrets.Tests.Support;

namespace Slipway.Secrets.Tests.Pipeline;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SecretsEditorTests : IDisposable
{
    private readonly TempDir _dir = new();

    public SecretsEditorTests() => AgeTool.Require();

    public void Dispose() => _dir.Dispose();

    private async Task<(string File, AgeKeySources Keys)> SecretsFileAsync()
    {
        var (keyFile, recipient) = await AgeTool.NewIdentityAsync(_dir);
        var file = _dir.File("secrets.enc.yaml");
        await SopsDocument.CreateAsync(file, new SopsCreationRule([recipient]), [KeyValuePair.Create("api_key", "old-value"), KeyValuePair.Create("other", "kept")]);
        return (file, AgeKeySources.FromKeyFile(keyFile));
    }

    /// <summary>An editor script that records the path it was given, then runs <paramref name="body"/> on it.</summary>
    private string Editor(string body)
    {
        var script = _dir.Write("editor.sh", $"#!/bin/sh\nprintf %s \"$1\" > '{_dir.File("edited-path")}'\n{body}\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    private string EditedPath => File.ReadAllText(_dir.File("edited-path"));

    [Fact]
    public async Task WhatTheEditorSavesIsEncryptedAndThePlaintextIsGone()
    {
        var (file, keys) = await SecretsFileAsync();
        var editor = Editor("sed -i 's/old-value/new-value/' \"$1\"");

        var changed = await new SecretsEditor(name => name == "EDITOR" ? editor : null).EditAsync(file, keys);

        Assert.True(changed);
        var doc = await SopsDocument.LoadAsync(file, keys);
        Assert.Equal("new-value", doc.Get("api_key").Reveal());
        Assert.Equal("kept", doc.Get("other").Reveal());
        Assert.False(File.Exists(EditedPath));
        Assert.DoesNotContain("new-value", File.ReadAllText(file));
    }

    [Fact]
    public async Task TheTempFileIsOwnerOnlyWhileTheEditorRuns()
    {
        var (file, keys) = await SecretsFileAsync();
        var editor = Editor($"stat -c %a \"$1\" > '{_dir.File("mode")}'");

        await new SecretsEditor(name => name == "EDITOR" ? editor : null).EditAsync(file, keys);

        Assert.Equal("600", File.ReadAllText(_dir.File("mode")).Trim());
    }

    [Fact]
    public async Task AFailingEditorLeavesTheFileAsItWasAndRemovesTheTempFile()
    {
        var (file, keys) = await SecretsFileAsync();
        var before = File.ReadAllBytes(file);
        var editor = Editor("sed -i 's/old-value/half-done/' \"$1\"\nexit 3");

        var error = await Assert.ThrowsAsync<SecretsException>(() => new SecretsEditor(name => name == "EDITOR" ? editor : null).EditAsync(file, keys));

        Assert.Contains("exited with code 3; the secrets file is unchanged", error.Message);
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.False(File.Exists(EditedPath));
        Assert.False(Directory.Exists(Path.GetDirectoryName(EditedPath)));
    }

    [Fact]
    public async Task InvalidYamlIsRefusedAndNothingIsSaved()
    {
        var (file, keys) = await SecretsFileAsync();
        var before = File.ReadAllBytes(file);
        var editor = Editor("printf 'api_key: [unclosed\\n' > \"$1\"");

        var error = await Assert.ThrowsAsync<SecretsException>(() => new SecretsEditor(name => name == "EDITOR" ? editor : null).EditAsync(file, keys));

        Assert.Contains("nothing was saved", error.Message);
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.False(File.Exists(EditedPath));
    }

    [Fact]
    public async Task AnUnchangedTextWritesNothing()
    {
        var (file, keys) = await SecretsFileAsync();
        var before = File.ReadAllBytes(file);

        var changed = await new SecretsEditor(name => name == "EDITOR" ? Editor("true") : null).EditAsync(file, keys);

        Assert.False(changed);
        Assert.Equal(before, File.ReadAllBytes(file));
    }
}
