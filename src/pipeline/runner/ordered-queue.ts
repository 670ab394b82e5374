/**
 * A bounded queue of results in input order: the producer pushes promises (work started now), the
 * consumer handles their values one by one in push order, whatever order they settle in.
 */
export class OrderedQueue<T> {
  private readonly items: Promise<T>[] = [];
  private ended = false;
  private stopped = false;
  private wakeConsumer: (() => void) | null = null;
  private wakeProducer: (() => void) | null = null;

  /** At most `capacity` items wait between push and handling. */
  constructor(private readonly capacity: number) {}

  /** True once the consumer failed: pushing is pointless, the producer should stop. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Waits for room, then appends the next item. Returns at once (dropping the item) once stopped. */
  async push(item: Promise<T>): Promise<void> {
    while (this.items.length >= this.capacity && !this.stopped) {
      await new Promise<void>((r) => {
        this.wakeProducer = r;
      });
    }
    if (this.stopped) {
      item.catch(() => {});
      return;
    }
    this.items.push(item);
    this.wake("consumer");
  }

  /** Says no more items will come. */
  end(): void {
    this.ended = true;
    this.wake("consumer");
  }

  /**
   * Handles every item in push order, awaiting each, until `end()` and the last item. On the first error
   * the queue stops (a waiting producer is released) and the error is thrown.
   */
  async drain(handle: (item: T) => Promise<void>): Promise<void> {
    try {
      for (;;) {
        const next = this.items.shift();
        if (next === undefined) {
          if (this.ended) return;
          await new Promise<void>((r) => {
            this.wakeConsumer = r;
          });
          continue;
        }
        this.wake("producer");
        await handle(await next);
      }
    } catch (error) {
      this.stopped = true;
      this.wake("producer");
      throw error;
    }
  }

  private wake(who: "consumer" | "producer"): void {
    const f = who === "consumer" ? this.wakeConsumer : this.wakeProducer;
    if (who === "consumer") this.wakeConsumer = null;
    else this.wakeProducer = null;
    f?.();
  }
}
