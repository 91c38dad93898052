using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Tests.Support;

/// <summary>A host's own context: one table of its own, ours mapped in with a schema and a prefix.</summary>
public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : DbContext(options)
{
    public const string Schema = "service";
    public const string Prefix = "as_";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HostCustomer>().ToTable("customers");
        modelBuilder.ApplyAfterSalesConfiguration(o =>
        {
            o.Schema = Schema;
            o.TablePrefix = Prefix;
        });
    }
}

public sealed class HostCustomer
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;
}
