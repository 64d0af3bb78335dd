using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Forge.Api;

/// <summary>Forgejo's /api/v1 REST API over HttpClient, with token authentication.</summary>
public sealed class ForgejoForge(Uri serverUrl, ForgeRepository repository, ForgeToken token, HttpClient http) : IForge
{
    const int MaxPages = 20;
    static readonly JsonSerializerOptions s_json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    readonly Uri _apiBase = new(serverUrl.ToString().TrimEnd('/') + "/api/v1/");

    public string Name => "Forgejo";

    public async Task<IReadOnlyList<ForgeIssue>> FindOpenIssuesAsync(string label, string bodyContains, CancellationToken ct = default)
    {
        var found = new List<ForgeIssue>();
        for (var page = 1; page <= MaxPages; page++)
        {
            using var issues = await SendAsync(ForgejoRequests.ListOpenIssues(repository, label, page), ct);
            var items = issues!.RootElement.EnumerateArray().ToList();
            found.AddRange(items.Where(item => !HasValue(item, "pull_request")).Select(ReadIssue)
                .Where(issue => issue.Body.Contains(bodyContains, StringComparison.Ordinal)));
            if (items.Count < ForgejoRequests.PageSize)
                break;
        }
        return [.. found.OrderBy(issue => issue.Number)];
    }

    public async Task<ForgeIssue> CreateIssueAsync(string title, string body, IReadOnlyList<string> labels, CancellationToken ct = default)
    {
        var ids = new List<long>();
        foreach (var label in labels)
            ids.Add(await EnsureLabelIdAsync(label, ct));
        using var created = await SendAsync(ForgejoRequests.CreateIssue(repository, title, body, ids), ct);
        return ReadIssue(created!.RootElement);
    }

    public async Task CommentAsync(int number, string body, CancellationToken ct = default) =>
        (await SendAsync(ForgejoRequests.Comment(repository, number, body), ct))?.Dispose();

    public async Task CloseIssueAsync(int number, string comment, CancellationToken ct = default)
    {
        await CommentAsync(number, comment, ct);
        (await SendAsync(ForgejoRequests.Close(repository, number), ct))?.Dispose();
    }

    public async Task SetCommitStatusAsync(CommitStatus status, CancellationToken ct = default) =>
        (await SendAsync(ForgejoRequests.SetStatus(repository, status), ct))?.Dispose();

    public async Task<long> EnsureLabelIdAsync(string name, CancellationToken ct = default)
    {
        for (var page = 1; page <= MaxPages; page++)
        {
            using var labels = await SendAsync(ForgejoRequests.ListLabels(repository, page), ct);
            var items = labels!.RootElement.EnumerateArray().ToList();
            if (items.FirstOrDefault(item => string.Equals(item.GetProperty("name").GetString(), name, StringComparison.OrdinalIgnoreCase))
                is { ValueKind: JsonValueKind.Object } label)
                return label.GetProperty("id").GetInt64();
            if (items.Count < ForgejoRequests.PageSize)
                break;
        }
        using var created = await SendAsync(ForgejoRequests.CreateLabel(repository, name), ct);
        return created!.RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>A token that registers forgejo-runner instances (<c>forgejo-runner register --token</c>) for <paramref name="scope"/>.</summary>
    /// <remarks>The endpoint exists from Forgejo 1.21 on and is deprecated since Forgejo 15 (April 2026), which creates runners with
    /// POST .../actions/runners (answering a uuid and token for the runner's configuration) instead; it still answers in 15.
    /// Needs a token with write:repository (repository), write:organization (organisation) or an admin's (instance).</remarks>
    public async Task<RunnerRegistrationToken> GetRunnerRegistrationTokenAsync(RunnerScope scope, CancellationToken ct = default)
    {
        var request = ForgejoRequests.RunnerRegistrationToken(repository, scope);
        try
        {
            using var answer = await SendAsync(request, ct);
            return answer?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("token", out var token) && token.GetString() is { } value
                ? new RunnerRegistrationToken(value)
                : throw new ForgeException($"Forgejo answered GET /{request.Path} without a token; create one by hand in Settings > Actions > Runners");
        }
        catch (ForgeException exception) when (exception.Status is 404 or 405)
        {
            throw new ForgeException($"Forgejo at {serverUrl.ToString().TrimEnd('/')} answered {exception.Status} to GET /{request.Path}: either {Owner(scope)} does not exist "
                + "or this Forgejo has no registration-token API (it needs 1.21 or later); create the token by hand in Settings > Actions > Runners", exception);
        }
    }

    string Owner(RunnerScope scope) => scope switch
    {
        RunnerScope.Repository => $"the repository {repository}",
        RunnerScope.Organization => $"the organization {repository.Owner}",
        _ => "the admin API (the token is not an admin's)",
    };

    async Task<JsonDocument?> SendAsync(ForgeRequest request, CancellationToken ct)
    {
        var call = new ForgeCall(Name, request.Method.Method, request.Path, serverUrl.ToString().TrimEnd('/'), repository, "FORGEJO_TOKEN");
        using var message = new HttpRequestMessage(request.Method, new Uri(_apiBase, request.Path));
        message.Headers.Authorization = new AuthenticationHeaderValue("token", token.Reveal());
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (request.Body is not null)
            message.Content = new StringContent(JsonSerializer.Serialize(request.Body, s_json), Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, ct);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw ForgeErrors.Unreachable(call, exception);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
                throw ForgeErrors.ForStatus(call, (int)response.StatusCode, ServerMessage(text));
            return string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text);
        }
    }

    static ForgeIssue ReadIssue(JsonElement item) => new(
        item.GetProperty("number").GetInt32(),
        item.TryGetProperty("title", out var title) ? title.GetString() ?? "" : "",
        item.TryGetProperty("body", out var body) ? body.GetString() ?? "" : "",
        item.TryGetProperty("html_url", out var url) ? url.GetString() : null);

    static bool HasValue(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind is not JsonValueKind.Null;

    /// <summary>Forgejo answers errors as {"message": ...}; anything else is shown as it came.</summary>
    static string? ServerMessage(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("message", out var message) ? message.GetString() : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
