import type { BenchResults } from './run-benchmarks';

const goal = (met: boolean) => (met ? '✅' : '❌');

/** The results as the Markdown tables the README shows. */
export function renderMarkdown(results: BenchResults): string {
  const m = results.machine;
  const lines: string[] = [
    `Measured ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, Linux ${m.kernel}, Node ${m.node}, PostgreSQL ${m.postgres}, Kafka ${m.kafka} (KRaft, one broker).`,
    '',
    '| benchmark | result | beside it | ratio | goal |',
    '|---|---|---|---|---|',
  ];
  if (results.mapping) {
    const r = results.mapping;
    lines.push(
      `| mapping, compiled spec | ${fmt(r.compiledPerSecond)} records/s | JSONata ${fmt(r.jsonataPerSecond)} records/s | ${r.timesJsonata}× JSONata | ≥ 20× ${goal(r.timesJsonata >= 20)} |`,
    );
    lines.push(
      `| mapping, compiled spec | ${fmt(r.compiledPerSecond)} records/s | by hand ${fmt(r.byHandPerSecond)} records/s | ${r.slowerThanByHand}× slower than by hand | ≤ 2× ${goal(r.slowerThanByHand <= 2)} |`,
    );
  }
  if (results.pipeline) {
    const p = results.pipeline;
    const f = results.floor;
    const floor = f ? `raw kafkajs ${fmt(f.kafka.messagesPerSecond)} msg/s; PostgreSQL ${fmt(f.postgres.commitsPerSecond)} commits/s` : '—';
    const ratio = f
      ? `${(p.applicationsPerSecond / f.kafka.messagesPerSecond).toFixed(3)} of Kafka, ${(p.applicationsPerSecond / f.postgres.commitsPerSecond).toFixed(3)} of PostgreSQL`
      : '—';
    lines.push(
      `| pipeline, ${p.completed}/${p.applications} applications, ${p.concurrency} in flight, 4 processes | ${fmt(p.applicationsPerSecond)} applications/s | ${floor} | ${ratio} | ≥ 500/s ${goal(p.applicationsPerSecond >= 500)} |`,
    );
    const byService = Object.entries(p.perApplication.rowsWrittenByService)
      .map(([service, rows]) => `${service} ${rows}`)
      .join(', ');
    const written = (p.tableWrites ?? [])
      .slice(0, 6)
      .map((t) => `${t.table} ${round1(t.inserted + t.updated + t.deleted)} (${t.inserted} ins, ${t.updated} upd, ${t.deleted} del)`)
      .join('; ');
    lines.push(
      `| pipeline, database work per application | ${p.perApplication.commits} commits, ${p.perApplication.rowsWrittenToServiceTables} rows written to the services' tables (${p.perApplication.rowsWritten} in the whole database) | rows written by ${byService}${written ? `; most written: ${written}` : ''} | | ≤ 8 commits, ≤ 35 rows ${goal(p.perApplication.commits <= 8 && p.perApplication.rowsWrittenToServiceTables <= 35)} |`,
    );
    const scans = (p.tableScans ?? [])
      .slice(0, 5)
      .map((t) => `${t.table} ${t.seqRowsRead} by ${t.seqScans} sequential scans, ${t.indexRowsFetched} by ${t.indexScans} index scans`)
      .join('; ');
    const readOwn = p.perApplication.rowsReadFromServiceTables;
    lines.push(
      `| pipeline, rows read per application | ${readOwn ?? '—'} from the services' tables (${p.perApplication.rowsRead} in the whole database) | most read: ${scans || '—'} | | ≤ 200 ${goal(readOwn !== undefined && readOwn <= 200)} |`,
    );
    if (p.cpu) {
      const byProcess = Object.entries(p.cpu.msPerApplication)
        .sort(([, a], [, b]) => b - a)
        .map(([name, ms]) => `${name} ${ms}`)
        .join(', ');
      lines.push(
        `| pipeline, CPU per application | ${p.cpu.totalMsPerApplication} ms | ${byProcess} | at most ${fmt(p.cpu.ceilingApplicationsPerSecond)} applications/s on ${p.cpu.cores} cores | — |`,
      );
    }
    lines.push(
      `| pipeline latency, filing → supervision notice | p50 ${p.latencyMs.p50} ms, p95 ${p.latencyMs.p95} ms, p99 ${p.latencyMs.p99} ms | max ${p.latencyMs.max} ms; outbox backlog peak ${Math.max(0, ...p.outboxBacklog.map((s) => s.waiting))} | | p99 < 1 s ${goal(p.latencyMs.p99 < 1000)} |`,
    );
  }
  if (results.pipelineWithHistory && results.flatCost && results.pipeline) {
    const e = results.pipeline.perApplication;
    const h = results.pipelineWithHistory;
    const r = results.flatCost;
    const worst = Math.max(r.rowsRead, r.commits, r.rowsWritten);
    const history = h.existingHistory
      ? `${fmt(h.existingHistory.applications)} applications already in the database (seeded in ${h.existingHistory.seconds} s)`
      : 'a history';
    lines.push(
      `| pipeline with ${history}, per application | ${h.perApplication.rowsReadFromServiceTables} rows read, ${h.perApplication.commits} commits, ${h.perApplication.rowsWrittenToServiceTables} rows written, ${fmt(h.applicationsPerSecond)} applications/s | empty tables: ${e.rowsReadFromServiceTables} rows read, ${e.commits} commits, ${e.rowsWrittenToServiceTables} rows written, ${fmt(results.pipeline.applicationsPerSecond)} applications/s | rows read ${r.rowsRead}×, commits ${r.commits}×, rows written ${r.rowsWritten}×, time per application ${r.secondsPerApplication}× | ≤ 1.2× ${goal(worst <= 1.2)} |`,
    );
  }
  if (results.pipelineLightLoad) {
    const p = results.pipelineLightLoad;
    lines.push(
      `| pipeline at light load, ${p.completed}/${p.applications} applications, ${p.concurrency} in flight | ${fmt(p.applicationsPerSecond)} applications/s; p50 ${p.latencyMs.p50} ms, p95 ${p.latencyMs.p95} ms, p99 ${p.latencyMs.p99} ms | max ${p.latencyMs.max} ms | | p99 < 1 s ${goal(p.latencyMs.p99 < 1000)} |`,
    );
  }
  if (results.scaleOut) {
    const s = results.scaleOut;
    const p = s.pipeline;
    const one = results.pipeline;
    const steady = s.afterJoin
      ? `${fmt(s.afterJoin.applicationsPerSecond)} applications/s with both instances (${s.afterJoin.completed} completed after all were ready); ${fmt(p.applicationsPerSecond)}/s over the whole run`
      : `${fmt(p.applicationsPerSecond)}/s over the whole run (the second instances were not all ready before it ended)`;
    const beside = one
      ? `one instance each ${fmt(one.applicationsPerSecond)} applications/s, p99 ${one.latencyMs.p99} ms, longest gap ${one.longestGapBetweenCompletions?.ms ?? '—'} ms`
      : 'one instance each: not run';
    const ratio = one && s.afterJoin ? `${(s.afterJoin.applicationsPerSecond / one.applicationsPerSecond).toFixed(2)}× one instance` : '';
    lines.push(
      `| pipeline, two instances of every service (second ones join after ${s.join.afterCompleted} completed; ${p.completed}/${p.applications} applications, ${p.concurrency} in flight, 8 processes) | ${steady}; p99 ${p.latencyMs.p99} ms; longest gap between completions from the join ${s.longestGapFromJoin?.ms ?? '—'} ms | ${beside} | ${ratio} | no worse ${goal(one !== undefined && s.afterJoin !== null && s.afterJoin.applicationsPerSecond >= one.applicationsPerSecond)} |`,
    );
    if (s.effects) {
      const e = s.effects;
      const twice = e.casesOpenedTwice + e.casesDecidedTwice + e.licencesIssuedTwice + e.noticesTwice + e.inboxDuplicatePairs;
      lines.push(
        `| pipeline, two instances: effects counted in the databases | ${e.casesOpenedTwice} cases opened twice, ${e.casesDecidedTwice} decided twice, ${e.licencesIssuedTwice} licences issued twice, ${e.noticesTwice} notices twice, ${e.inboxDuplicatePairs} duplicate inbox pairs; ${e.lost} ${e.settled ? 'lost' : 'still in flight (not settled)'} | ${fmt(e.counts.parts)} parts, ${fmt(e.counts.noticesExpected)} notices expected; ${e.settled ? 'settled' : 'not settled'} ${e.settledSecondsAfterRun} s after the run | | 0 twice ${goal(twice === 0 && e.settled && e.lost === 0)} |`,
      );
    }
    if (s.relay) {
      lines.push(
        `| outbox relay, one lease holder (approval), backlog of ${fmt(s.relay.events)} events of ${fmt(s.relay.bytesPerEvent)} bytes | ${fmt(s.relay.eventsPerSecond)} events/s | ${
          s.relay.cpuMsPerEvent
            ? `CPU per event: ${Object.entries(s.relay.cpuMsPerEvent)
                .map(([name, ms]) => `${name} ${ms} ms`)
                .join(', ')}`
            : ''
        } | | — |`,
      );
    }
  }
  if (results.http) {
    const h = results.http;
    lines.push(
      `| HTTP, accept an application at intake (${h.connections} connections, ${h.seconds} s) | ${fmt(h.acceptApplication.requestsPerSecond)} req/s, p50 ${h.acceptApplication.latencyMs.p50} ms, p99 ${h.acceptApplication.latencyMs.p99} ms | bare NestJS ${fmt(h.bareNest.requestsPerSecond)} req/s, p99 ${h.bareNest.latencyMs.p99} ms | ${h.shareOfBare} of bare | — |`,
    );
  }
  if (results.embeddedStart) {
    const e = results.embeddedStart;
    lines.push(
      `| embedded start, to ready | first start ${fmt(e.firstStartMs)} ms, restart ${fmt(e.restartMs)} ms | resident ${e.residentMiB} MiB (peak ${e.peakResidentMiB} MiB) | | ≤ 400 MiB ${goal(e.residentMiB <= 400)}, peak ≤ 600 MiB ${goal(e.peakResidentMiB <= 600)} |`,
    );
    const f = e.npmStartFreshBuild;
    const r = e.npmStartRestart;
    lines.push(
      `| \`npm start\` to ready, fresh build (no dist, no Nx cache) / restart | ${fmt(f.readyMs)} ms / ${fmt(r.readyMs)} ms | ${r.outputLines} lines printed; platform resident ${r.residentMiB} MiB (peak ${Math.max(f.peakResidentMiB, r.peakResidentMiB)} MiB); process tree peak ${Math.max(f.peakTreeMiB, r.peakTreeMiB)} MiB | | ≤ 10 s ${goal(f.readyMs <= 10_000)}, ≤ 3 s ${goal(r.readyMs <= 3_000)} |`,
    );
  }
  if (results.consoleFirstLoad) {
    const c = results.consoleFirstLoad;
    const pages = c.pages.map((page) => `${page.page} ${kB(page.gzipBytes)}`).join('; ');
    lines.push(
      `| console first load, JS+CSS gzip (largest: ${c.largest.page}, ${c.largest.files} files) | ${kB(c.largest.gzipBytes)} (${kB(c.largest.rawBytes)} uncompressed) | ${pages} | ${(c.largest.gzipBytes / c.budgetBytes).toFixed(2)} of the budget | < 1 MB ${goal(c.largest.gzipBytes < c.budgetBytes)} |`,
    );
  }
  if (results.browserAdapter) {
    const b = results.browserAdapter;
    lines.push(
      `| browser adapter (行为模拟), ${b.browser.deliveries} deliveries typed into the 人社局 web system, pool of ${b.pool} | ${fmt(b.browser.deliveriesPerMinute)} deliveries/min, ${fmt(b.browser.msPerDelivery)} ms each | file drop (GBK XML) ${fmt(b.fileDrop.deliveriesPerMinute)} deliveries/min | ${(b.browser.deliveriesPerMinute / b.fileDrop.deliveriesPerMinute).toFixed(3)} of the file drop | — |`,
    );
  }
  const busy = (results.loadBefore ?? []).filter((l) => l.busy);
  if (busy.length > 0) {
    lines.push(
      '',
      `⚠ Measured on a busy machine (1-minute load average before the benchmark, ${results.machine.cores} cores): ${busy.map((l) => `${l.benchmark} ${l.load1}`).join('; ')}. Compare these figures with care.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function kB(bytes: number): string {
  return `${fmt(Math.round(bytes / 100) / 10)} kB`;
}

function fmt(value: number): string {
  return value.toLocaleString('en-US');
}
