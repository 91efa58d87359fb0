// Preloaded into the CLI by the benchmark (node --import): reports the process's peak memory on
// exit, as the operating system counted it.
process.on("exit", () => {
  process.stderr.write(`\n@@maxRSS ${process.resourceUsage().maxRSS}\n`);
});
