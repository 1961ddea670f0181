import { AnswerTally, patientCall, sleep } from './http-retry';

/**
 * Approvers of one department at work: they look at the department's queue of open cases over
 * approval's HTTP API and work each case through 审查 and 审核 to the decision at 批准, as people
 * at the console would. Every tenth case (by its id) is refused, the rest approved.
 */
export class ApproverDesk {
  decided = 0;
  private stopping = false;
  private readonly queued: string[] = [];
  private readonly taken = new Set<string>();
  private readonly work: Array<Promise<void>> = [];

  constructor(
    private readonly tally: AnswerTally,
    private readonly urls: () => string[],
    private readonly token: string,
    private readonly concurrency: number,
    private readonly deadline: number,
  ) {}

  start(): void {
    this.work.push(this.list());
    for (let i = 0; i < this.concurrency; i += 1) this.work.push(this.approve());
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.work);
  }

  private async list(): Promise<void> {
    while (!this.stopping) {
      if (this.queued.length < this.concurrency * 2) {
        try {
          const page = await patientCall(
            this.tally,
            this.urls,
            'GET',
            '/cases?status=open&pageSize=100',
            this.token,
            undefined,
            this.deadline,
          );
          for (const item of (page.json['items'] as Array<{ id: string }> | undefined) ?? []) {
            if (!this.taken.has(item.id)) {
              this.taken.add(item.id);
              this.queued.push(item.id);
            }
          }
        } catch {
          // the next look will do
        }
      }
      await sleep(this.queued.length === 0 ? 300 : 50);
    }
  }

  private async approve(): Promise<void> {
    while (!this.stopping) {
      const id = this.queued.shift();
      if (!id) {
        await sleep(100);
        continue;
      }
      const outcome = await decide(this.tally, this.urls, this.token, id, this.deadline).catch(() => 'skipped' as const);
      if (outcome === 'decided') this.decided += 1;
      else this.taken.delete(id); // looked at again when the queue shows it
    }
  }
}

/** Works one case to its decision; every tenth (by its case id) is refused, the rest approved (all with `approveAll`). */
export async function decide(
  tally: AnswerTally,
  urls: () => string[],
  token: string,
  caseId: string,
  deadline: number,
  approveAll = false,
): Promise<'decided' | 'skipped'> {
  for (let guard = 0; guard < 10; guard += 1) {
    const current = await patientCall(tally, urls, 'GET', `/cases/${caseId}`, token, undefined, deadline);
    if (current.status !== 200) return 'skipped';
    if (current.json['status'] !== 'open') return 'decided';
    const step = current.json['currentStep'];
    if (step !== 'approve') {
      const advanced = await patientCall(
        tally,
        urls,
        'POST',
        `/cases/${caseId}/advance`,
        token,
        { step, opinion: '材料齐全，符合法定形式，同意' },
        deadline,
      );
      if (advanced.status === 200 || advanced.status === 409) continue;
      return 'skipped';
    }
    const refuse = !approveAll && parseInt(caseId.slice(-2), 16) % 10 === 0;
    const decision = refuse
      ? { outcome: 'refused', reason: '施工图设计文件未经审查合格', legalBasis: '《建筑工程施工许可管理办法》第四条' }
      : { outcome: 'approved', scope: '房屋建筑工程施工' };
    const decided = await patientCall(tally, urls, 'POST', `/cases/${caseId}/decision`, token, decision, deadline);
    if (decided.status === 200 || decided.status === 201) return 'decided';
    if (decided.status === 409) continue;
    return 'skipped';
  }
  return 'skipped';
}
