namespace AfterSales.WorkOrders;

/// <summary>
/// The names of the ticket's commands (工单操作名) as clients see them: kebab-case, one per
/// <see cref="TicketTrigger"/> — the HTTP routes (<c>POST /tickets/{id}/close</c>), the
/// <c>permittedCommands</c> of a ticket, and the command and permitted commands of an
/// <see cref="InvalidTransitionException"/> all use these names.
/// </summary>
public static class TicketTriggerExtensions
{
    // Written out rather than derived from the enum member names: they are a published contract,
    // and renaming a member must not rename a route.
    private static readonly string[] CommandNames =
    [
        "acknowledge",
        "start-remote-diagnosis",
        "resolve-remotely",
        "dispatch",
        "arrive-on-site",
        "escalate-to-vendor",
        "restore-service",
        "resolve",
        "start-observation",
        "sign-off",
        "close",
        "reopen",
        "wait-for-customer",
        "resume",
        "reclassify",
        "deliver-repair-plan",
        "provide-loaner",
        "cancel",
        "submit-quote",
        "accept-quote",
        "replace-parts",
        "receive-customer-message",
        "answer-customer",
        "negotiate-due-date",
        "send-for-rma",
        "receive-rma-return",
        "review-legacy-issue",
        "confirm-data-backup",
        "return-loaner",
    ];

    /// <summary>The command name of <paramref name="trigger"/>, e.g. <c>"start-remote-diagnosis"</c> for <see cref="TicketTrigger.StartRemoteDiagnosis"/>.</summary>
    /// <param name="trigger">A defined trigger.</param>
    /// <returns>The kebab-case name; stable across versions.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trigger"/> is not a defined <see cref="TicketTrigger"/> value.</exception>
    public static string ToCommandName(this TicketTrigger trigger) =>
        (uint)trigger < (uint)CommandNames.Length
            ? CommandNames[(int)trigger]
            : throw new ArgumentOutOfRangeException(nameof(trigger), trigger, $"trigger must be a TicketTrigger value, was {(int)trigger}.");
}
