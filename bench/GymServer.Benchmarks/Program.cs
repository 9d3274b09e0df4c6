using BenchmarkDotNet.Running;

// Picks benchmarks from the command line, e.g. --filter '*EnvStep*' --job short (see bench/README.md).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
