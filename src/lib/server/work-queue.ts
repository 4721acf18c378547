/**
 * A bounded queue for expensive work (password hashing): at most `atOnce` jobs run together, at most
 * `maxWaiting` more wait their turn, and any beyond that are refused at once (BusyError) so a burst
 * cannot pile up work, memory and latency without limit.
 */
export class BusyError extends Error {
  constructor() {
    super('Too much work is queued: try again in a moment.');
  }
}

export class WorkQueue {
  readonly atOnce: number;
  readonly maxWaiting: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(atOnce: number, maxWaiting: number) {
    this.atOnce = atOnce;
    this.maxWaiting = maxWaiting;
  }

  /** True when a bounded job offered now would be refused. Checked synchronously, so it holds until the next await. */
  get full(): boolean {
    return this.running >= this.atOnce && this.waiting.length >= this.maxWaiting;
  }

  /**
   * Runs `job` when a place is free. A bounded job is refused with BusyError when the queue is full;
   * an unbounded one (rare, trusted work such as creating an account) always waits.
   */
  async run<T>(job: () => Promise<T>, bounded = true): Promise<T> {
    if (this.running < this.atOnce) this.running++;
    else {
      if (bounded && this.waiting.length >= this.maxWaiting) throw new BusyError();
      // The job that finishes hands its place straight to this one (`running` stays the same).
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
