namespace AfterSales.Workflow;

/// <summary>The candidates of one (state, trigger) pair: a range of the compiled transition array, best first.</summary>
internal readonly struct TransitionCell
{
    public TransitionCell(int start, int count)
    {
        Start = start;
        Count = count;
    }

    public int Start { get; }

    public int Count { get; }
}
