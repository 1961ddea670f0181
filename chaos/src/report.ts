import type { ChaosResults, ScenarioRun } from './chaos';
import type { FaultsResult } from './faults.scenario';

const goal = (met: boolean) => (met ? '✅' : '❌');

/** The results as the Markdown table the README shows: one row per figure, each against its goal. */
export function renderChaosMarkdown(results: ChaosResults): string {
  const m = results.machine;
  const lines: string[] = [
    `Run on ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, Linux ${m.kernel}, Node ${m.node}, PostgreSQL ${m.postgres}, Kafka ${m.kafka} (KRaft, one broker); the four services as separate processes.`,
    '',
    '| scenario | what was done | result | goal |',
    '|---|---|---|---|',
  ];
  const when = (run: ScenarioRun<unknown>) =>
    `${run.startedAt.slice(0, 16).replace('T', ' ')} UTC${run.quick ? ', quick' : ''}, load ${run.load1}`;
  const broke = (name: string, run: ScenarioRun<unknown> | undefined) => {
    if (run && !run.result)
      lines.push(`| ${name} (${when(run)}) | — | the harness broke: ${(run.error ?? '').split('\n')[0]?.slice(0, 200)} | ❌ |`);
  };
  const f = results.faults;
  broke('faults', f);
  if (f?.result) {
    const r = f.result;
    const c = r.counts;
    const kinds = [...new Set(r.faults.map((x) => x.fault))].join('; ');
    lines.push(
      `| faults (${when(f)}) | ${fmt(c.applicationsFiled)} applications filed (${fmt(r.applications)} asked${r.stoppedFilingAtTimeLimit ? ', filing stopped at the time limit' : ''}) through intake → approval (two instances) → decision over HTTP → licence → supervision, in ${fmt(r.seconds)} s; ${r.faults.length} faults in ${r.rounds} round(s): ${kinds} | ${fmt(c.parts)} parts: ${c.partsWithoutCase} without a case, ${c.partsWithSeveralCases} opened twice, ${c.casesUndecided} undecided, ${c.casesDecidedMoreThanOnce} decided twice; ${fmt(c.approved)} approved / ${fmt(c.refused)} refused: ${c.approvedWithoutLicence} approved without a licence, ${c.licencesBeyondOnePerApprovedPart} extra licences, ${c.refusedWithLicence} refused with one; ${fmt(c.noticesExpected)} notices expected: ${c.noticesMissing} missing, ${c.noticesDuplicated} twice; ${c.decisionsMissingAtIntake} decisions missing at intake; outboxes ${c.unpublishedOutboxRows} unpublished, ${c.refusedOutboxRows} refused; ${c.duplicateInboxPairs} duplicate inbox pairs; ${c.deadLetters} dead letters; settled ${fmt(r.settleSeconds)} s after the last filing${r.harnessErrors?.length ? `; the harness could not finish a fault: ${r.harnessErrors.join('; ').slice(0, 200)}` : ''} | 0 lost, 0 twice ${goal(lostOrTwice(r) && c.parts > 0)} |`,
    );
    const statuses = Object.entries(r.answers.byStatus)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([status, n]) => `${status} × ${fmt(n)}`)
      .join(', ');
    lines.push(
      `| faults: answers under faults | clerk and approver calls, retried on 503 and refused connections | ${statuses}; ${fmt(r.answers.connectionFailures)} connections refused or reset | 0 × 500 ${goal(r.answers.serverErrors === 0)} |`,
    );
  }
  for (const [name, run] of Object.entries(results) as Array<[string, ScenarioRun<unknown> | undefined]>) {
    if (name === 'machine' || name === 'faults' || !run) continue;
    broke(name, run);
    const result = run.result as { rows?: Array<{ done: string; result: string; goal: string; met: boolean }> } | undefined;
    for (const row of result?.rows ?? [])
      lines.push(`| ${name} (${when(run)}) | ${row.done} | ${row.result} | ${row.goal} ${goal(row.met)} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** The counting goals alone: a 500 under faults is the next row's. */
function lostOrTwice(r: FaultsResult): boolean {
  return r.failures.every((failure) => failure.includes('answers 500'));
}

export function fmt(value: number): string {
  return value.toLocaleString('en-US');
}
