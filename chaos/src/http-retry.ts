/** What the harness's clients met while the platform was being broken: answers by status, and failures to connect. */
export class AnswerTally {
  readonly byStatus: Record<string, number> = {};
  connectionFailures = 0;
  /** A few 500 answers verbatim: a 500 under faults is a defect (a database blip must answer 503). */
  readonly serverErrorSamples: string[] = [];

  count(status: number, text = ''): void {
    this.byStatus[String(status)] = (this.byStatus[String(status)] ?? 0) + 1;
    if (status >= 500 && status !== 502 && status !== 503 && status !== 504 && this.serverErrorSamples.length < 5)
      this.serverErrorSamples.push(`${status} ${text.slice(0, 300)}`);
  }

  /** 5xx answers other than "unavailable, try again" (502/503/504). */
  get serverErrors(): number {
    return Object.entries(this.byStatus)
      .filter(([status]) => Number(status) >= 500 && !['502', '503', '504'].includes(status))
      .reduce((sum, [, n]) => sum + n, 0);
  }
}

export interface Answer {
  status: number;
  text: string;
  json: Record<string, unknown>;
}

/**
 * One JSON call as a patient client makes it: a connection failure or a 502/503/504 (the service
 * restarting, the database refusing) is tried again after a pause, until `deadline`.
 * Every answer and failure is tallied.
 */
export async function patientCall(
  tally: AnswerTally,
  urls: () => string[],
  method: string,
  path: string,
  token: string,
  body: unknown,
  deadline: number,
): Promise<Answer> {
  for (let attempt = 0; ; attempt += 1) {
    const candidates = urls();
    const base = candidates[attempt % candidates.length] as string;
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(60_000),
      });
      const text = await response.text();
      tally.count(response.status, text);
      if ([502, 503, 504].includes(response.status) && Date.now() < deadline) {
        await sleep(250 + Math.random() * 500);
        continue;
      }
      let json: Record<string, unknown> = {};
      try {
        json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        // not JSON: the status says enough
      }
      return { status: response.status, text, json };
    } catch (error) {
      tally.connectionFailures += 1;
      if (Date.now() >= deadline) throw error;
      await sleep(250 + Math.random() * 500);
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
