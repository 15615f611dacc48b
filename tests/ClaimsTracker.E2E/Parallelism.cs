// One journey class at a time: each class starts its own app server and Chromium, and two of
// them beside each other on a two-core machine pushed single steps past their 30-second waits.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
