/**
 * npm run sandbox -- --port P --server-key K [--time-scale S] [--seed N] [--host H] [--quiet]
 * Starts the simulator and prints how to use it.
 */
import { fail, guide, parseArgs } from './cli-args';
import { startSimulatorServer } from './server';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let server;
  try {
    server = await startSimulatorServer({
      port: args.port,
      host: args.host,
      serverKey: args.serverKey,
      timeScale: args.timeScale,
      seed: args.seed,
      onRequest: args.quiet
        ? undefined
        : (req, res) => {
            const path = req.path.length > 120 ? `${req.path.slice(0, 117)}...` : req.path;
            console.log(`${new Date().toISOString()} ${req.method} ${path} -> ${res.timedOut ? 'timeout (held)' : res.status}`);
          },
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${args.port} is already in use; pick another with --port (0 = any free port)`);
    throw e;
  }
  console.log(guide(server.url, args.serverKey, args.timeScale, args.seed));
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(`sandbox: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
