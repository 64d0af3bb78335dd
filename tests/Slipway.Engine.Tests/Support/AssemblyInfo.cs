// End-to-end runs redirect Console and replace Serilog's Log.Logger, both process-wide.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
