using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// A ready <see cref="DbContext"/> holding only AfterSales.Kit's tables with the default names (快速开始),
/// for hosts without a context of their own. Hosts that have one call
/// <c>modelBuilder.ApplyAfterSalesConfiguration()</c> in it instead.
/// </summary>
/// <example><code>
/// services.AddDbContext&lt;AfterSalesDbContext&gt;(o =&gt; o.UseSqlite("Data Source=aftersales.db"));
/// services.AddAfterSales(o =&gt; …).UseEntityFrameworkCore&lt;AfterSalesDbContext&gt;();
/// await AfterSalesSchema.MigrateAsync(context);
/// </code></example>
public class AfterSalesDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">The provider and connection, e.g. from <c>AddDbContext</c>.</param>
    public AfterSalesDbContext(DbContextOptions<AfterSalesDbContext> options)
        : base(options)
    {
    }

    /// <summary>For derived contexts, which pass their own options type.</summary>
    /// <param name="options">The provider and connection.</param>
    protected AfterSalesDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyAfterSalesConfiguration();
    }
}
