using AfterSales.Http.Tenancy;

namespace AfterSales.Host.Hosting;

/// <summary>
/// Development only: a browser cannot send X-Tenant-Id, so a GET or HEAD with <c>?tenant=</c> and no
/// tenant header gets the header from the query (the HTML report, a ticket, its clocks). Safe methods
/// only, so a link can read but never change anything; not registered outside Development.
/// </summary>
internal static class DevelopmentTenantQuery
{
    public static IApplicationBuilder UseTenantFromQueryInDevelopment(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        return app.Use(static (context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && !request.Headers.ContainsKey(HeaderTenantResolver.DefaultHeaderName)
                && request.Query.TryGetValue("tenant", out var tenant) && tenant.Count == 1)
            {
                request.Headers[HeaderTenantResolver.DefaultHeaderName] = tenant;
            }

            return next(context);
        });
    }
}
