/**
 * The time the console shows, counts down by and fills in as "today": the clerk's browser clock,
 * read in this one place so that a component test can set it (the services' Clock plays the same
 * part on the server). Nothing else in the console reads `new Date()` for the time now.
 */
export interface ConsoleClock {
  now(): Date;
}

const browserClock: ConsoleClock = { now: () => new Date() };

let current: ConsoleClock = browserClock;

export function now(): Date {
  return current.now();
}

/** Replaces the clock (a component test's fixed time); with no argument, back to the browser's. */
export function setConsoleClock(clock: ConsoleClock = browserClock): void {
  current = clock;
}
