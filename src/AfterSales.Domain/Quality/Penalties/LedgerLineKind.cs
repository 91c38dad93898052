namespace AfterSales.Quality.Penalties;

/// <summary>What a <see cref="LedgerLine"/> accounts for.</summary>
public enum LedgerLineKind
{
    /// <summary>A fine for a confirmed complaint (罚款); negative.</summary>
    Fine,

    /// <summary>The monthly bonus before complaints (奖金); positive.</summary>
    Bonus,

    /// <summary>What complaints took off the bonus (扣除奖金); negative.</summary>
    BonusDeduction,

    /// <summary>Pay for a completed service with a complete, signed form (服务补贴); positive.</summary>
    ServicePay,

    /// <summary>A completed service not paid for lack of a complete, signed form; zero.</summary>
    ServiceNotPaid,

    /// <summary>The dismissal threshold was reached (解聘); zero.</summary>
    Dismissal,
}
