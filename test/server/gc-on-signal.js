// Preloaded into the measured child server (node --expose-gc -r): SIGUSR2 runs a full collection, so that the test
// measures memory the server retains, not garbage V8 has not collected yet on a busy machine.
process.on('SIGUSR2', () => global.gc && global.gc());
