import { mulberry32 } from '../../support/mulberry32';

/**
 * How many seeds each property runs: RELIABILITY_SEEDS overrides the CI default (npm run soak raises
 * it); RELIABILITY_SEED_OFFSET shifts the range so a soak can explore new seeds.
 */
export function seedCount(ciDefault: number): number {
  const n = Number(process.env.RELIABILITY_SEEDS);
  return Number.isInteger(n) && n > 0 ? n : ciDefault;
}

export function seeds(ciDefault: number): number[] {
  const offset = Number(process.env.RELIABILITY_SEED_OFFSET) || 0;
  return Array.from({ length: seedCount(ciDefault) }, (_, i) => offset + i + 1);
}

/** Seeded choices over mulberry32: the seed fully decides a scenario. */
export function rng(seed: number): {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  shuffle<T>(xs: T[]): T[];
} {
  const next = mulberry32(seed >>> 0 || 0x9e3779b9);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: (xs) => xs[int(0, xs.length - 1)],
    chance: (p) => next() < p,
    shuffle: (xs) => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = int(0, i);
        [xs[i], xs[j]] = [xs[j], xs[i]];
      }
      return xs;
    },
  };
}

/** A test's time limit, grown with the seed count when the soak raises it. */
export function timeoutFor(ciDefault: number, ciMs: number): number {
  return Math.ceil(ciMs * Math.max(1, seedCount(ciDefault) / ciDefault));
}
