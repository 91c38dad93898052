using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>Hands out a fresh host context per call, from a factory or a new DI scope, with what owns it.</summary>
internal sealed class ContextSource<TContext>
    where TContext : DbContext
{
    private readonly Func<CancellationToken, Task<(TContext Context, IAsyncDisposable Owner)>> rent;

    private ContextSource(Func<CancellationToken, Task<(TContext Context, IAsyncDisposable Owner)>> rent) => this.rent = rent;

    public static ContextSource<TContext> From(IDbContextFactory<TContext> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(async ct =>
        {
            var context = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
            return (context, context);
        });
    }

    public static ContextSource<TContext> From(IServiceScopeFactory scopeFactory)
    {
        ArgumentNullException.ThrowIfNull(scopeFactory);
        return new(ct =>
        {
            var scope = scopeFactory.CreateAsyncScope();
            return Task.FromResult<(TContext, IAsyncDisposable)>((scope.ServiceProvider.GetRequiredService<TContext>(), scope));
        });
    }

    public Task<(TContext Context, IAsyncDisposable Owner)> RentAsync(CancellationToken cancellationToken) => rent(cancellationToken);

    /// <summary>A key column's value: not blank, at most 100 characters (the key columns' length).</summary>
    public static string Key(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Length > 100)
        {
            throw new ArgumentException($"{name} must be at most 100 characters to be stored, was {value.Length.ToString(CultureInfo.InvariantCulture)}.", name);
        }

        return value;
    }
}
