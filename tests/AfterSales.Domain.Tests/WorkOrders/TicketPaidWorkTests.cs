using AfterSales.Entitlements.Quotes;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.WorkOrders;

/// <summary>
/// Paid, out-of-warranty work (R-WAR-8, R-WO-7): a quote belongs to the ticket and is built from the
/// tendered price list, the customer accepts it by id, and only its parts are replaced, up to its quantities.
/// </summary>
public sealed class TicketPaidWorkTests
{
    private readonly FakeClock clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);

    private static readonly TicketPartsExchange PowerSupply = new()
    {
        OldPartNumber = "P-1", OldSerialNumber = "OLD-1", NewPartNumber = "P-1", NewSerialNumber = "NEW-9", SignedBy = "王工",
    };

    private Ticket Billable() => Ticket.Report(Tickets.Report() with { IsBillable = true }, Tickets.Policy, clock);

    [Fact]
    public void ReplaceParts_OnPaidWorkBeforeTheQuoteIsAccepted_IsRefusedWithTheReason_R_WO_7()
    {
        var ticket = Billable();
        ticket.SubmitQuote(Tickets.Quote(ticket));

        var error = Assert.Throws<InvalidTransitionException>(() => ticket.ReplaceParts(PowerSupply));

        Assert.Contains(TicketWorkflow.QuoteAcceptedBeforeParts, error.UnmetGuards);
        Assert.False(ticket.CanReplaceParts());
        Assert.Empty(ticket.PartsExchanges);
        Assert.Equal(2, ticket.Version);
    }

    [Fact]
    public void ReplaceParts_AfterTheCustomerAcceptedTheQuote_RecordsBothPartsSignedFor_LinkedToTheQuote_R_WO_7()
    {
        var ticket = Billable();
        ticket.SubmitQuote(Tickets.Quote(ticket));
        ticket.AcceptQuote("Q-1", "李经理");

        ticket.ReplaceParts(PowerSupply);

        Assert.Equal("李经理", ticket.Quote!.AcceptedBy);
        Assert.Equal(PowerSupply with { QuoteId = "Q-1" }, Assert.Single(ticket.PartsExchanges));
        Assert.Equal(TicketEventKind.PartsReplaced, ticket.Events[^1].Kind);
        Assert.Equal(TicketState.Reported, ticket.State);
    }

    [Fact]
    public void ReplaceParts_R_WO_7_APartNotOnTheAcceptedQuote_OrBeyondItsQuantity_IsRefusedNamingTheField()
    {
        var ticket = Billable();
        ticket.SubmitQuote(Tickets.Quote(ticket, quantity: 1));
        ticket.AcceptQuote("Q-1", "李经理");

        var other = Assert.Throws<ArgumentException>(() => ticket.ReplaceParts(PowerSupply with { NewPartNumber = "P-2" }));
        Assert.Equal("exchange.NewPartNumber", other.ParamName);
        Assert.Contains("not on the accepted quote 'Q-1'", other.Message, StringComparison.Ordinal);
        ticket.ReplaceParts(PowerSupply);
        var second = Assert.Throws<ArgumentException>(() => ticket.ReplaceParts(PowerSupply));
        Assert.Contains("allows 1, and 1 were replaced already", second.Message, StringComparison.Ordinal);
        var wrongQuote = Assert.Throws<ArgumentException>(() => ticket.ReplaceParts(PowerSupply with { QuoteId = "Q-0" }));
        Assert.Equal("exchange.QuoteId", wrongQuote.ParamName);
        Assert.Single(ticket.PartsExchanges);
    }

    [Fact]
    public void ReplaceParts_OnCoveredWork_NeedsNoQuote()
    {
        var ticket = Tickets.New(clock);

        ticket.ReplaceParts(PowerSupply);

        Assert.False(ticket.IsBillable);
        Assert.Null(Assert.Single(ticket.PartsExchanges).QuoteId);
    }

    [Fact]
    public void SubmitQuote_R_WAR_8_KeepsTheLinesAndComputesTheTotal_TheJobBecomesBillable()
    {
        var ticket = Tickets.New(clock);
        var quote = Quote.CreateBuilder("Q-7", ticket.Id.Value, "SN-0001", TenderedPriceList.Empty().With("PSU-300", Money.Cny(400m)).WithId("CT-9").WithVersion(3), new LocalDate(2026, 3, 2))
            .AddPart("PSU-300", "power supply", 2, Money.Cny(380m))
            .AddTravel(Money.Cny(50m))
            .AddPhoneSupport()
            .Build();

        ticket.SubmitQuote(quote);

        Assert.True(ticket.IsBillable);
        Assert.Equal(810m, ticket.Quote!.Total);
        Assert.Equal(("CT-9@3", 3), (ticket.Quote.PriceListKey, ticket.Quote.Lines.Count));
        Assert.Equal(2, ticket.Quote.QuantityOf("PSU-300"));
        Assert.False(ticket.CanReplaceParts());
    }

    [Fact]
    public void SubmitQuote_ForAnotherTicketOrWithAUsedId_IsRefused()
    {
        var ticket = Tickets.New(clock);
        var other = Tickets.New(clock, "WO-2");
        Assert.Equal("quote", Assert.Throws<ArgumentException>(() => ticket.SubmitQuote(Tickets.Quote(other))).ParamName);
        ticket.SubmitQuote(Tickets.Quote(ticket));
        Assert.Equal("quote.Id", Assert.Throws<ArgumentException>(() => ticket.SubmitQuote(Tickets.Quote(ticket))).ParamName);
    }

    [Fact]
    public void AcceptQuote_ByAnotherId_OrTwice_IsRefused_ALaterQuoteReplacesTheCurrent()
    {
        var ticket = Billable();
        ticket.SubmitQuote(Tickets.Quote(ticket, "Q-1"));
        ticket.SubmitQuote(Tickets.Quote(ticket, "Q-2", 200m));

        Assert.Equal("quoteId", Assert.Throws<ArgumentException>(() => ticket.AcceptQuote("Q-1", "李经理")).ParamName);
        ticket.AcceptQuote("Q-2", "李经理");
        Assert.Contains("already accepted", Assert.Throws<ArgumentException>(() => ticket.AcceptQuote("Q-2", "李经理")).Message, StringComparison.Ordinal);
        Assert.Equal(["Q-1", "Q-2"], ticket.Quotes.Select(static q => q.QuoteId));
        Assert.Equal((null, "李经理"), (ticket.Quotes[0].AcceptedBy, ticket.Quotes[1].AcceptedBy));
    }

    [Fact]
    public void AcceptQuote_WithoutAQuote_IsRefusedWithTheReason()
    {
        var ticket = Billable();

        var error = Assert.Throws<InvalidTransitionException>(() => ticket.AcceptQuote("Q-1", "李经理"));

        Assert.Contains(TicketWorkflow.QuoteWasSubmitted, error.UnmetGuards);
    }

    [Fact]
    public void FromEvents_PaidWorkHistory_RebuildsTheSameTicket()
    {
        var ticket = Billable();
        ticket.SubmitQuote(Tickets.Quote(ticket));
        ticket.AcceptQuote("Q-1", "李经理");
        ticket.ReplaceParts(PowerSupply);

        var replayed = Ticket.FromEvents(ticket.Events, Tickets.Policy, clock);

        Assert.Equal(ticket.Quote, replayed.Quote);
        Assert.Equal(ticket.Quotes, replayed.Quotes);
        Assert.Equal(ticket.PartsExchanges, replayed.PartsExchanges);
        Assert.Equal(ticket.Version, replayed.Version);
    }
}
