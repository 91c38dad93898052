using AfterSales.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>
/// The one claim both deadline queues make (工单时限与到期通知): a statement that sets the claimant and lease
/// end on the due rows and returns them, run in its own transaction. Its parameters are, in order, the
/// claimant, the lease end, the instant twice (due by then; a lease ended by then) and the batch size.
/// </summary>
internal static class LeaseClaims
{
    public static Task<List<T>> ClaimAsync<T>(DbContext context, string sql, string claimant, Instant until, Instant now, int batchSize, CancellationToken cancellationToken) =>
        context.Database.CreateExecutionStrategy().ExecuteAsync(
            async ct =>
            {
                await using var transaction = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                var claimed = await context.Database
                    .SqlQueryRaw<T>(
                        sql,
                        claimant,
                        InstantToUnixNanosecondsConverter.ToUnixNanoseconds(until),
                        InstantToUnixNanosecondsConverter.ToUnixNanoseconds(now),
                        InstantToUnixNanosecondsConverter.ToUnixNanoseconds(now),
                        batchSize)
                    .ToListAsync(ct)
                    .ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return claimed;
            },
            cancellationToken);
}
