/**
 * Fault injection, deterministic from the seed: the same seed and the same sequence of requests give
 * the same faults. Error faults are answered before the request is served (nothing changes); a timeout
 * serves the request and loses the answer [inferred: the case that makes retries dangerous].
 */
import { MIDTRANS_ROUTES, type FaultOptions, type InjectedFault, type SimRoute } from './types';

export class FaultPlan {
  private readonly calls: Record<string, number> = {};

  constructor(
    private options: FaultOptions | undefined,
    private readonly random: () => number,
  ) {}

  set(options: FaultOptions | undefined): void {
    this.options = options;
  }

  get current(): FaultOptions | undefined {
    return this.options;
  }

  resetCounts(): void {
    for (const k of Object.keys(this.calls)) delete this.calls[k];
  }

  /** Called once per request; returns the fault to inject, if any. */
  decide(route: SimRoute): InjectedFault | undefined {
    const n = (this.calls[route] = (this.calls[route] ?? 0) + 1);
    const o = this.options;
    if (!o) return undefined;
    const scripted = o.script?.find((s) => s.route === route && s.call === n);
    if (scripted) return scripted.fault;
    const routes = o.routes ?? MIDTRANS_ROUTES;
    if (!routes.includes(route)) return undefined;
    // One draw per request decides among all error kinds, so rates add up instead of shadowing each other.
    const r = this.random();
    let edge = 0;
    for (const code of ['500', '503', '429'] as const) {
      edge += o.errorRates?.[code] ?? 0;
      if (r < edge) return Number(code) as 500 | 503 | 429;
    }
    edge += o.timeoutRate ?? 0;
    if (r < edge) return 'timeout';
    return undefined;
  }

  latency(route: SimRoute): number {
    const spec = this.options?.latencyMs?.[route];
    if (spec === undefined) return 0;
    if (typeof spec === 'number') return Math.max(0, spec);
    return Math.max(0, Math.round(spec.min + (spec.max - spec.min) * this.random()));
  }

  notificationFate(): { drop: boolean; duplicate: boolean; reorder: boolean } {
    const n = this.options?.notifications;
    if (!n) return { drop: false, duplicate: false, reorder: false };
    const drop = this.random() < (n.dropRate ?? 0);
    const duplicate = this.random() < (n.duplicateRate ?? 0);
    const reorder = this.random() < (n.reorderRate ?? 0);
    return { drop, duplicate: !drop && duplicate, reorder: !drop && reorder };
  }
}
