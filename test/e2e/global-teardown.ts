import * as fs from 'fs';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env.MIDTRANS_PL_E2E_PACK_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
