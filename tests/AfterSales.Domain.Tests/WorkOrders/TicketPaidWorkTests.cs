using AfterSales.Entitlements.Quotes;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.WorkOrders;

/// <summary>Paid, out-of-warranty work: no part is replaced before the customer accepts the quote (R-WO-7, R-WAR-8).</summary>
public sealed class TicketPaidWorkTests
{
    private readonly FakeClock clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);

    private static readonly TicketPartsExchange PowerSupply = new()
    {
        OldPartNumber = "PSU-300", OldSerialNumber = "OLD-1", NewPartNumber = "PSU-300", NewSerialNumber = "NEW-9", SignedBy = "王工",
    };

    private Ticket Billable() => Ticket.Report(Tickets.Report() with { IsBillable = true }, Tickets.Policy, clock);

    [Fact]
    public void ReplaceParts_OnPaidWorkBeforeTheQuoteIsAccepted_IsRefusedWithTheReason_R_WO_7()
    {
        var ticket = Billable();
        ticket.SubmitQuote("Q-1", 380m);

        var error = Assert.Throws<InvalidTransitionException>(() => ticket.ReplaceParts(PowerSupply));

        Assert.Contains(TicketWorkflow.QuoteAcceptedBeforeParts, error.UnmetGuards);
        Assert.False(ticket.CanReplaceParts());
        Assert.Empty(ticket.PartsExchanges);
        Assert.Equal(2, ticket.Version);
    }

    [Fact]
    public void ReplaceParts_AfterTheCustomerAcceptedTheQuote_RecordsBothPartsSignedFor_R_WO_7()
    {
        var ticket = Billable();
        ticket.SubmitQuote("Q-1", 380m);
        ticket.AcceptQuote("李经理");

        ticket.ReplaceParts(PowerSupply);

        Assert.Equal("李经理", ticket.Quote!.AcceptedBy);
        Assert.Equal(PowerSupply, Assert.Single(ticket.PartsExchanges));
        Assert.Equal(TicketEventKind.PartsReplaced, ticket.Events[^1].Kind);
        Assert.Equal(TicketState.Reported, ticket.State);
    }

    [Fact]
    public void ReplaceParts_OnCoveredWork_NeedsNoQuote()
    {
        var ticket = Tickets.New(clock);

        ticket.ReplaceParts(PowerSupply);

        Assert.False(ticket.IsBillable);
        Assert.Single(ticket.PartsExchanges);
    }

    [Fact]
    public void SubmitQuote_MakesTheJobBillable_SoPartsWaitForAcceptance_R_WAR_8()
    {
        var ticket = Tickets.New(clock);
        var quote = Quote.CreateBuilder("Q-7", ticket.Id.ToString(), "SN-0001", TenderedPriceList.Empty().With("PSU-300", Money.Cny(400m)), new LocalDate(2026, 3, 2))
            .AddPart("PSU-300", "power supply", 1, Money.Cny(380m))
            .Build();

        ticket.SubmitQuote(quote);

        Assert.True(ticket.IsBillable);
        Assert.Equal(380m, ticket.Quote!.Total);
        Assert.False(ticket.CanReplaceParts());
    }

    [Fact]
    public void AcceptQuote_WithoutAQuote_IsRefusedWithTheReason()
    {
        var ticket = Billable();

        var error = Assert.Throws<InvalidTransitionException>(() => ticket.AcceptQuote("李经理"));

        Assert.Contains(TicketWorkflow.QuoteWasSubmitted, error.UnmetGuards);
    }

    [Fact]
    public void FromEvents_PaidWorkHistory_RebuildsTheSameTicket()
    {
        var ticket = Billable();
        ticket.SubmitQuote("Q-1", 380m);
        ticket.AcceptQuote("李经理");
        ticket.ReplaceParts(PowerSupply);

        var replayed = Ticket.FromEvents(ticket.Events, Tickets.Policy, clock);

        Assert.Equal(ticket.Quote, replayed.Quote);
        Assert.Equal(ticket.PartsExchanges, replayed.PartsExchanges);
        Assert.Equal(ticket.Version, replayed.Version);
    }
}
