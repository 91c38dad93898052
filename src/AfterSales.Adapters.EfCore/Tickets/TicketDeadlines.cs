using System.Data;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Outbox;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Events;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Tickets;

/// <summary>
/// The watcher's visit to a claimed ticket, written in one transaction: the row's denormalised fields
/// (next deadline, legacy flag, provisional flag, the instant they were computed at) moved and the claim released — only
/// where the row is still at the claimed version and held by the claimant — and the events the visit
/// found put into the outbox. A row saved or taken over meanwhile is left to its new owner: the claim is
/// just released, and the save published what its own evaluation reached.
/// </summary>
internal static class TicketDeadlines
{
    public static async Task<int> WriteAsync(DbContext context, DeadlineClaim claim, TicketSummary? summary, IReadOnlyList<DomainEvent> events, IEventFormatter? formatter, CancellationToken cancellationToken)
    {
        var names = StoreNames.Of(context, typeof(TicketRow));
        var h = names.Sql;
        var update = $"UPDATE {names.Table} SET {names.Column(nameof(TicketRow.NextDeadline))} = {h.GenerateParameterNamePlaceholder("next")}, "
            + $"{names.Column(nameof(TicketRow.AsOf))} = {h.GenerateParameterNamePlaceholder("asof")}, "
            + $"{names.Column(nameof(TicketRow.IsLegacyIssue))} = {h.GenerateParameterNamePlaceholder("legacy")}, "
            + $"{names.Column(nameof(TicketRow.IsProvisional))} = {h.GenerateParameterNamePlaceholder("provisional")}, "
            + $"{names.Column(nameof(TicketRow.ClaimedBy))} = NULL, {names.Column(nameof(TicketRow.ClaimedUntil))} = NULL"
            + $" WHERE {names.Column(nameof(TicketRow.TenantId))} = {h.GenerateParameterNamePlaceholder("tenant")}"
            + $" AND {names.Column(nameof(TicketRow.Id))} = {h.GenerateParameterNamePlaceholder("id")}"
            + $" AND {names.Column(nameof(TicketRow.Version))} = {h.GenerateParameterNamePlaceholder("version")}"
            + $" AND {names.Column(nameof(TicketRow.ClaimedBy))} = {h.GenerateParameterNamePlaceholder("claimant")}";
        var release = $"UPDATE {names.Table} SET {names.Column(nameof(TicketRow.ClaimedBy))} = NULL, {names.Column(nameof(TicketRow.ClaimedUntil))} = NULL"
            + $" WHERE {names.Column(nameof(TicketRow.TenantId))} = {h.GenerateParameterNamePlaceholder("tenant")}"
            + $" AND {names.Column(nameof(TicketRow.Id))} = {h.GenerateParameterNamePlaceholder("id")}"
            + $" AND {names.Column(nameof(TicketRow.ClaimedBy))} = {h.GenerateParameterNamePlaceholder("claimant")}";

        var database = context.Database;
        return await database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await database.OpenConnectionAsync(ct).ConfigureAwait(false);
            try
            {
                await using var transaction = await database.BeginTransactionAsync(ct).ConfigureAwait(false);
                var moved = 0;
                if (summary is not null)
                {
                    var command = DbCommands.Create(database, update, transaction);
                    await using var disposeCommand = command.ConfigureAwait(false);
                    command.AddParameter(h.GenerateParameterName("next"), DbType.Int64,
                        summary.NextDeadline is { } next ? InstantToUnixNanosecondsConverter.ToUnixNanoseconds(next) : null);
                    command.AddParameter(h.GenerateParameterName("asof"), DbType.Int64, InstantToUnixNanosecondsConverter.ToUnixNanoseconds(summary.AsOf));
                    command.AddParameter(h.GenerateParameterName("legacy"), DbType.Boolean, summary.IsLegacyIssue);
                    command.AddParameter(h.GenerateParameterName("provisional"), DbType.Boolean, summary.IsProvisional);
                    command.AddParameter(h.GenerateParameterName("tenant"), DbType.String, claim.TenantId);
                    command.AddParameter(h.GenerateParameterName("id"), DbType.String, claim.Key);
                    command.AddParameter(h.GenerateParameterName("version"), DbType.Int32, claim.Version);
                    command.AddParameter(h.GenerateParameterName("claimant"), DbType.String, claim.Claimant);
                    moved = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                var written = 0;
                if (moved == 1)
                {
                    if (formatter is not null)
                    {
                        written = await OutboxWriter.WriteAsync(context, transaction, events, formatter, ct).ConfigureAwait(false);
                    }
                }
                else
                {
                    var free = DbCommands.Create(database, release, transaction);
                    await using (free.ConfigureAwait(false))
                    {
                        free.AddParameter(h.GenerateParameterName("tenant"), DbType.String, claim.TenantId);
                        free.AddParameter(h.GenerateParameterName("id"), DbType.String, claim.Key);
                        free.AddParameter(h.GenerateParameterName("claimant"), DbType.String, claim.Claimant);
                        await free.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return written;
            }
            finally
            {
                await database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The earliest next deadline of a row no live lease holds at <paramref name="now"/>.</summary>
    public static async Task<Instant?> NextAsync(DbContext context, Instant now, CancellationToken cancellationToken)
    {
        var next = await context.Set<TicketRow>()
            .AsNoTracking()
            .Where(r => r.NextDeadline != null && (r.ClaimedUntil == null || r.ClaimedUntil <= now))
            .MinAsync(static r => r.NextDeadline, cancellationToken)
            .ConfigureAwait(false);
        return next;
    }
}
