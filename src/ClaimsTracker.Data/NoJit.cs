namespace ClaimsTracker.Data;

/// <summary>
/// Turns PostgreSQL's JIT compilation off for the rest of a transaction. The planner compiles a statement to machine
/// code when its estimated cost passes <c>jit_above_cost</c>, and a batch's lookups with arrays of thousands of values
/// are estimated at hundreds of thousands of rows where a few thousand come back: at 1,000,000 figures an import's
/// duplicate query spent 0.5 s of 0.7 s compiling (EXPLAIN ANALYZE), and detection's family scopes 0.3 s.
/// </summary>
internal static class NoJit
{
    /// <summary>A select-list expression (so it rides along in a statement the transaction sends anyway): <c>SET LOCAL jit = off</c>.</summary>
    public const string Expression = "set_config('jit', 'off', true)";
}
