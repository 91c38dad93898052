using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AfterSales.Http.Tests.Support;

/// <summary>
/// Runs the requests of a <c>.http</c> file in order, the subset editors share: file variables
/// (<c>@name = value</c>), requests separated by <c>###</c>, <c># @name</c> to name one, headers then a
/// blank line then the body, <c>{{variable}}</c>, <c>{{$guid}}</c>, and values of earlier responses as
/// <c>{{name.response.body.$.a.b}}</c> and <c>{{name.response.headers.Name}}</c>.
/// </summary>
public static partial class HttpFileRunner
{
    /// <summary>One request sent and what came back.</summary>
    public sealed record Exchange(string Title, HttpMethod Method, string Url, int Status, string Body);

    /// <summary>Sends every request of <paramref name="text"/> with <paramref name="client"/>; <paramref name="overrides"/> replace file variables.</summary>
    public static async Task<IReadOnlyList<Exchange>> RunAsync(HttpClient client, string text, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var responses = new Dictionary<string, (HttpResponseMessage Response, JsonNode? Body)>(StringComparer.Ordinal);
        var exchanges = new List<Exchange>();
        var blocks = Regex.Split(text.Replace("\r\n", "\n", StringComparison.Ordinal), @"^###.*$", RegexOptions.Multiline);
        foreach (var line in blocks[0].Split('\n'))
        {
            if (FileVariable().Match(line) is { Success: true } v)
            {
                variables[v.Groups[1].Value] = v.Groups[2].Value.Trim();
            }
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        var titles = Regex.Matches(text, @"^###(.*)$", RegexOptions.Multiline).Select(static m => m.Groups[1].Value.Trim()).ToList();
        for (var i = 1; i < blocks.Length; i++)
        {
            string? name = null;
            var lines = blocks[i].Split('\n').ToList();
            var index = 0;
            while (index < lines.Count && (lines[index].Trim().Length == 0 || lines[index].TrimStart().StartsWith('#') || lines[index].TrimStart().StartsWith("//", StringComparison.Ordinal)))
            {
                if (Regex.Match(lines[index], @"^\s*(#|//)\s*@name\s+(\S+)") is { Success: true } n)
                {
                    name = n.Groups[2].Value;
                }

                index++;
            }

            if (index == lines.Count)
            {
                continue;
            }

            string Expand(string s) => Placeholder().Replace(s, m => Resolve(m.Groups[1].Value.Trim(), variables, responses));
            var requestLine = Expand(lines[index++]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            using var request = new HttpRequestMessage(new HttpMethod(requestLine[0]), requestLine[1]);
            var headers = new List<(string, string)>();
            for (; index < lines.Count && lines[index].Trim().Length > 0; index++)
            {
                var colon = lines[index].IndexOf(':', StringComparison.Ordinal);
                headers.Add((lines[index][..colon].Trim(), Expand(lines[index][(colon + 1)..].Trim())));
            }

            var body = string.Join('\n', lines.Skip(index + 1)).Trim();
            var contentType = headers.FirstOrDefault(static h => h.Item1.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Item2;
            if (body.Length > 0)
            {
                request.Content = new StringContent(Expand(body), Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "text/plain");
            }

            foreach (var (header, value) in headers.Where(static h => !h.Item1.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            {
                request.Headers.TryAddWithoutValidation(header, value);
            }

            var response = await client.SendAsync(request);
            var text2 = await response.Content.ReadAsStringAsync();
            JsonNode? json = null;
            try
            {
                json = text2.Length > 0 ? JsonNode.Parse(text2) : null;
            }
            catch (System.Text.Json.JsonException)
            {
            }

            if (name is not null)
            {
                responses[name] = (response, json);
            }

            exchanges.Add(new Exchange(i - 1 < titles.Count ? titles[i - 1] : string.Empty, request.Method, requestLine[1], (int)response.StatusCode, text2));
        }

        return exchanges;
    }

    private static string Resolve(string expression, Dictionary<string, string> variables, Dictionary<string, (HttpResponseMessage Response, JsonNode? Body)> responses)
    {
        if (expression == "$guid")
        {
            return Guid.NewGuid().ToString();
        }

        if (variables.TryGetValue(expression, out var value))
        {
            return value;
        }

        var parts = expression.Split('.', 4);
        if (parts.Length >= 4 && parts[1] == "response" && responses.TryGetValue(parts[0], out var earlier))
        {
            if (parts[2] == "headers")
            {
                return earlier.Response.Headers.TryGetValues(parts[3], out var values) || (earlier.Response.Content.Headers.TryGetValues(parts[3], out values))
                    ? string.Join(", ", values)
                    : throw new InvalidOperationException($"{parts[0]} has no header {parts[3]}.");
            }

            if (parts[2] == "body" && parts[3].StartsWith('$'))
            {
                var node = earlier.Body;
                foreach (var segment in parts[3].TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
                {
                    node = node?[segment];
                }

                return node is JsonValue v ? v.ToString() : node?.ToJsonString() ?? throw new InvalidOperationException($"{expression} names nothing.");
            }
        }

        throw new InvalidOperationException($"Unknown variable {{{{{expression}}}}}.");
    }

    [GeneratedRegex(@"^@([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")]
    private static partial Regex FileVariable();

    [GeneratedRegex(@"\{\{(.+?)\}\}")]
    private static partial Regex Placeholder();
}
