// The simulator's clock: a scheduler run at a chosen time moves the app's clock there, and it runs on from it, so
// what people do next (เสร็จแล้ว, its undo, a complaint's receipt) happens at the simulated time too.
export class SimulatedClock {
  readonly #real: () => Date;
  #offsetMs = 0;

  constructor(real: () => Date) {
    this.#real = real;
  }

  /** The simulated time now. */
  readonly now = (): Date => new Date(this.#real().getTime() + this.#offsetMs);

  /** From now on, the clock reads `at` and runs on from it. */
  set(at: Date): void {
    this.#offsetMs = at.getTime() - this.#real().getTime();
  }

  /** Back to the real time. */
  reset(): void {
    this.#offsetMs = 0;
  }

  get simulated(): boolean {
    return this.#offsetMs !== 0;
  }
}
