/**
 * `npm run bench -- core`: the core's hot paths as operations per second, each beside a floor
 * measured in the same run (the unavoidable part of the same job), plus the shipped artefact sizes.
 */
import { createHash, randomBytes } from 'crypto';
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { buildCreateRequest, interpretNotification, verifyNotification, type InvoiceInput } from '../../core/src';
import { shapeRefusal } from '../../n8n-node/nodes/MidtransTrigger/notificationCheck';
import { performance } from 'perf_hooks';
import { opsPerSecond, round } from './measure';
import { repoRoot } from './repo-root';

const ROOT = repoRoot();
const sha512Hex = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex');
const random = (n: number) => new Uint8Array(randomBytes(n));

function invoice(i: number): InvoiceInput {
  return {
    orderId: `INV-${i}`,
    items: [
      { name: 'Tiket konser', price: 75000, quantity: 2 },
      { name: 'Diskon', price: -10000, quantity: 1 },
    ],
    customer: { firstName: 'Siti', lastName: 'Nurhaliza', email: 'siti@example.id', phone: '+628123456789' },
    title: 'Tiket konser 2026',
    expiry: { duration: 7, unit: 'days' },
    usageLimit: 1,
    paymentMethods: ['bca_va', 'gopay', 'other_qris'],
  };
}

function notification(i: number, key: string) {
  const body: Record<string, string> = {
    transaction_time: '2026-11-25 10:00:00',
    transaction_status: 'settlement',
    transaction_id: `tx-${i}`,
    status_code: '200',
    payment_type: 'bank_transfer',
    order_id: `INV-${i}-1764000000000`,
    gross_amount: '140000.00',
    fraud_status: 'accept',
    currency: 'IDR',
  };
  body.signature_key = sha512Hex(body.order_id + body.status_code + body.gross_amount + key);
  return body;
}

function fileSize(p: string): number | null {
  return fs.existsSync(p) ? fs.statSync(p).size : null;
}

function packedTarballSize(): number | null {
  const pkg = path.join(ROOT, 'n8n-node');
  if (!fs.existsSync(path.join(pkg, 'dist'))) return null;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-'));
  try {
    const json = execFileSync('npm', ['pack', '--json', '--pack-destination', out], {
      cwd: pkg,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [info] = JSON.parse(json) as { size: number }[];
    return info.size;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

export function runCoreBench() {
  const key = 'SB-Mid-server-bench';
  const bodies = Array.from({ length: 1000 }, (_, i) => notification(i, key));
  const invoices = Array.from({ length: 1000 }, (_, i) => invoice(i));

  const buildOps = opsPerSecond((i) => {
    const r = buildCreateRequest(invoices[i % 1000], random);
    if (!r.ok) throw new Error('bench invoice invalid');
  });
  // Floor: serialising the request we send, which every implementation must do anyway.
  const built = invoices.map((inv) => (buildCreateRequest(inv, random) as { request: unknown }).request);
  const serialiseOps = opsPerSecond((i) => JSON.stringify(built[i % 1000]));

  const verifyOps = opsPerSecond((i) => {
    const b = bodies[i % 1000];
    if (!verifyNotification(b, key, sha512Hex) || !interpretNotification(b).ok) throw new Error('bench notification rejected');
  });
  // Floor: the one SHA-512 a signature check cannot avoid.
  const hashOps = opsPerSecond((i) => {
    const b = bodies[i % 1000];
    sha512Hex(b.order_id + b.status_code + b.gross_amount + key);
  });

  // A 16 MB signature_key (n8n's default body limit): the Trigger's check today (shape first) beside
  // the signature compare it used to run on such a body, in the same run.
  const oversized = { ...bodies[0], signature_key: 'a'.repeat(16 * 1024 * 1024) };
  const perCallMs = (fn: () => unknown, runs: number) => {
    fn();
    const start = performance.now();
    for (let i = 0; i < runs; i++) fn();
    return (performance.now() - start) / runs;
  };
  const compareMs = perCallMs(() => {
    if (verifyNotification(oversized, key, sha512Hex)) throw new Error('oversized body verified');
  }, 10);
  const refuseMs = perCallMs(() => {
    if (!shapeRefusal(oversized)) throw new Error('oversized body accepted');
  }, 1000);

  return {
    core: {
      oversizedSignatureCompareMs: round(compareMs, 3),
      oversizedSignatureRefuseMs: round(refuseMs, 4),
      oversizedSignatureCompareVsRefuse: Math.round(compareMs / refuseMs),
      validateAndBuildOpsPerSec: Math.round(buildOps),
      serialiseBaselineOpsPerSec: Math.round(serialiseOps),
      validateAndBuildCostVsSerialise: round(serialiseOps / buildOps),
      verifyAndInterpretOpsPerSec: Math.round(verifyOps),
      sha512BaselineOpsPerSec: Math.round(hashOps),
      verifyAndInterpretCostVsSha512: round(hashOps / verifyOps),
      appsScriptBundleBytes: fileSize(path.join(ROOT, 'apps-script', 'dist', 'Code.js')),
      n8nTarballBytes: packedTarballSize(),
    },
  };
}
