/** The sandbox CLI's arguments and the guide it prints (cli.ts runs them). */

const USAGE = `Usage: npm run sandbox -- [--port 3535] [--server-key SB-Mid-server-...] [--time-scale 1] [--seed 1] [--host 127.0.0.1] [--quiet]
  --port         port to listen on (0 = any free port; default 3535)
  --server-key   the key clients must send as Basic auth user (default SB-Mid-server-local-sandbox)
  --time-scale   multiplies Midtrans's notification retry delays (0.001 = a thousandth; default 1)
  --seed         makes ids, faults and retry jitter repeatable (default 1)
  --host         interface to bind (default 127.0.0.1)
  --quiet        do not log each request`;

interface Args {
  port: number;
  serverKey: string;
  timeScale: number;
  seed: number;
  host: string;
  quiet: boolean;
}

export function fail(message: string): never {
  console.error(`sandbox: ${message}\n\n${USAGE}`);
  process.exit(2);
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { port: 3535, serverKey: 'SB-Mid-server-local-sandbox', timeScale: 1, seed: 1, host: '127.0.0.1', quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') fail(`${flag} needs a value`);
      return v;
    };
    const number = (name: string, min: number, integer: boolean) => {
      const v = Number(value());
      if (!Number.isFinite(v) || v < min || (integer && !Number.isInteger(v)))
        fail(`${name} must be ${integer ? 'a whole number' : 'a number'} ≥ ${min}`);
      return v;
    };
    switch (flag) {
      case '--port':
        args.port = number('--port', 0, true);
        if (args.port > 65535) fail('--port must be at most 65535');
        break;
      case '--server-key':
        args.serverKey = value();
        break;
      case '--time-scale':
        args.timeScale = number('--time-scale', 0, false);
        break;
      case '--seed':
        args.seed = number('--seed', 0, true);
        break;
      case '--host':
        args.host = value();
        break;
      case '--quiet':
        args.quiet = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
      // eslint-disable-next-line no-fallthrough
      default:
        fail(`unknown option ${argv[i]}`);
    }
  }
  return args;
}

export function guide(url: string, key: string, timeScale: number, seed: number): string {
  const k = `'${key}:'`;
  return `Midtrans simulator running at ${url}
  Server key:    ${key}   (clients send it as Basic auth user, empty password)
  API base URL:  ${url}   (use it instead of https://api.sandbox.midtrans.com)
  Payment pages: ${url}/payment-links/<payment_link_id>
  Notification retry delays x ${timeScale}; seed ${seed}. Ctrl+C stops it.
${key.startsWith('SB-Mid-server-') ? '' : `  Note: real sandbox keys start with SB-Mid-server-; this one is accepted anyway.\n`}
Try it:
  # 1. Create a payment link (answers order_id and payment_url; open payment_url in a browser to pay)
  curl -s -u ${k} -H 'Content-Type: application/json' \\
    -d '{"transaction_details":{"order_id":"INV-1","gross_amount":150000},"usage_limit":1}' ${url}/v1/payment-links
  # 2. Say where notifications go (your n8n webhook, a local receiver...)
  curl -s -H 'Content-Type: application/json' -d '{"url":"http://127.0.0.1:5678/webhook/midtrans"}' ${url}/_sim/notification-url
  # 3. Pay without a browser (status: pending|settlement|capture|deny|cancel|expire|refund; payment_type optional)
  curl -s -H 'Content-Type: application/json' -d '{"status":"settlement","payment_type":"bca_va"}' ${url}/_sim/payment-links/INV-1/pay
  # 4. Look at the link, a purchase's status, and every notification delivery attempt
  curl -s -u ${k} ${url}/v1/payment-links/INV-1
  curl -s -u ${k} ${url}/v2/<purchase order_id or transaction_id>/status
  curl -s ${url}/_sim/notifications
  # 5. Move time (pending purchases lapse after 24 h; links after their expiry), inject faults, start over
  curl -s -H 'Content-Type: application/json' -d '{"ms":86400000}' ${url}/_sim/clock/advance
  curl -s -H 'Content-Type: application/json' -d '{"errorRates":{"503":0.2},"timeoutRate":0.05}' ${url}/_sim/faults
  # ... or a rate limit: 429 past 20 creates in flight (or "perSecond"), Retry-After 2 s
  curl -s -H 'Content-Type: application/json' -d '{"rateLimit":{"maxConcurrent":20,"retryAfterSeconds":2}}' ${url}/_sim/faults
  curl -s -X POST ${url}/_sim/reset
  Also: GET /_sim/stats, GET /_sim/payment-links, DELETE /v1/payment-links/INV-1 (with -u).
`;
}
