/**
 * The services' clock in a browser test that needs time to pass (a deadline going by): real time,
 * shifted when the test jumps ahead. The platform hands it to every service as their Clock.
 */
export class MovingClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** From now on the services' time runs on from `instant`. */
  jumpTo(instant: string): void {
    this.offsetMs = Date.parse(instant) - Date.now();
  }
}
