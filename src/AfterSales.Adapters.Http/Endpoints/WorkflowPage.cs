using System.Net;
using AfterSales.WorkOrders;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// The workflow as a web page: the Mermaid diagram the workflow's Markdown carries, drawn in the browser
/// by Mermaid's script from <see cref="AfterSalesHttpOptions.MermaidScriptUrl"/>. A browser that cannot
/// load the script (no internet, a blocked CDN) shows the diagram's text and says how to render it.
/// </summary>
internal static class WorkflowPage
{
    /// <summary>The Mermaid text of the first <c>```mermaid</c> block of <paramref name="markdown"/>, or the whole text when it has none.</summary>
    public static string Diagram(string markdown)
    {
        const string open = "```mermaid\n";
        var start = markdown.IndexOf(open, StringComparison.Ordinal);
        if (start < 0)
        {
            return markdown;
        }

        start += open.Length;
        var end = markdown.IndexOf("\n```", start, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    public static string Render(string markdown, string? scriptUrl)
    {
        var diagram = WebUtility.HtmlEncode(Diagram(markdown));
        var script = scriptUrl is { Length: > 0 }
            ? $$"""
              <script src="{{WebUtility.HtmlEncode(scriptUrl)}}" onerror="document.getElementById('offline').hidden = false"></script>
              <script>
                if (window.mermaid) { mermaid.initialize({ startOnLoad: true, securityLevel: 'strict' }); }
                else { document.getElementById('offline').hidden = false; }
              </script>
              """
            : "<script>document.getElementById('offline').hidden = false;</script>";
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>The ticket workflow (工单流程)</title>
            <style>
              body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1f2933; }
              pre.mermaid { background: #fff; }
              #offline { background: #fff4e5; border: 1px solid #f0b429; padding: .75rem 1rem; }
              code { background: #f0f4f8; padding: 0 .25rem; }
            </style>
            </head>
            <body>
            <h1>The ticket workflow (工单流程)</h1>
            <p>A work order is reported, acknowledged (响应), diagnosed remotely first (远程诊断), then resolved remotely or
            dispatched on site (派工, 到达现场), restored (服务恢复运行), resolved (修复) and observed (运行观察期) before it closes
            with the customer's signed service report. Each arrow is a command: <code>POST …/tickets/{id}/{command}</code>;
            a ticket lists the commands it accepts now in <code>permittedCommands</code>.</p>
            <p id="offline" hidden>The diagram could not be drawn: this browser could not load Mermaid's script
            (<code>{{WebUtility.HtmlEncode(scriptUrl ?? "none configured")}}</code>). Set <code>AfterSalesHttpOptions.MermaidScriptUrl</code>
            to a copy you host, or paste the text below into any Mermaid viewer.</p>
            <pre class="mermaid">
            {{diagram}}
            </pre>
            <p>Also as Markdown: <code>GET …/workflow</code> with <code>Accept: text/markdown</code>.</p>
            {{script}}
            </body>
            </html>
            """;
    }
}
