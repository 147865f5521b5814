/**
 * What the Midtrans Trigger reads from its credential, kept per n8n process and keyed by the credential's
 * id, so that a notification does not pay for a credential read. Under n8n 2.40.7's default expression
 * engine each credential read inside webhook() builds an expression isolate of its own (see
 * docs/n8n-high-volume.md); that was most of what a notification cost.
 *
 * The rules, and what they guarantee:
 * - A value older than KEY_TTL_MS is read again before use. So a key removed from the credential (a
 *   rotation) stops verifying notifications at most KEY_TTL_MS after the change is saved.
 * - A notification that fails to verify with the cached value causes a re-read, unless the last read is
 *   younger than MIN_READ_INTERVAL_MS. So a new key is honoured at the first notification that arrives
 *   MIN_READ_INTERVAL_MS or more after the last read, and a flood of forgeries causes at most one read
 *   per MIN_READ_INTERVAL_MS per credential (plus the first), however many requests it sends.
 * - Reads of one credential never overlap: concurrent requests share the read in flight.
 * - A read that fails is not cached; the next request reads again, as it did before this cache.
 *
 * Pure: the clock and the read are injected. The cached value is never logged or serialised here.
 */
export const KEY_TTL_MS = 10_000;
export const MIN_READ_INTERVAL_MS = 2_000;

export type ReadReason = 'first' | 'expired' | 'mismatch';

interface Entry<T> {
	value: T;
	readAt: number;
}

export class CredentialCache<T> {
	private readonly entries = new Map<string, Entry<T>>();
	private readonly inFlight = new Map<string, Promise<T>>();

	constructor(private readonly now: () => number) {}

	/** The value to verify with: the cached one while younger than KEY_TTL_MS, otherwise a fresh read. */
	async current(id: string, read: (reason: ReadReason) => Promise<T>): Promise<T> {
		const pending = this.inFlight.get(id);
		if (pending) return pending;
		const entry = this.entries.get(id);
		if (entry && this.now() - entry.readAt < KEY_TTL_MS) return entry.value;
		return this.readNow(id, read, entry ? 'expired' : 'first');
	}

	/**
	 * After `stale` (a value this cache returned) failed to verify a notification: a fresh value to try
	 * once more, or undefined when the last read is too recent to read again (the caller then refuses
	 * with what it has).
	 */
	async afterMismatch(
		id: string,
		stale: T,
		read: (reason: ReadReason) => Promise<T>,
	): Promise<T | undefined> {
		const pending = this.inFlight.get(id);
		if (pending) {
			const value = await pending;
			return value === stale ? undefined : value;
		}
		const entry = this.entries.get(id);
		if (entry && entry.value !== stale) return entry.value;
		if (entry && this.now() - entry.readAt < MIN_READ_INTERVAL_MS) return undefined;
		return this.readNow(id, read, 'mismatch');
	}

	private readNow(
		id: string,
		read: (reason: ReadReason) => Promise<T>,
		reason: ReadReason,
	): Promise<T> {
		const promise = read(reason).then(
			(value) => {
				this.entries.set(id, { value, readAt: this.now() });
				this.inFlight.delete(id);
				return value;
			},
			(error: unknown) => {
				this.inFlight.delete(id);
				throw error;
			},
		);
		this.inFlight.set(id, promise);
		return promise;
	}
}
