import type { ApplicationNotice } from '../applications/application-notice.entity';
import { progressMessage } from '../notifications/progress-messages';
import { anAcceptedApplication } from '../testing/application-builder';
import type { Rating, Rectification } from '../ratings/rating.entity';
import { buildMyApplication, buildProgress, preReviewText, provesApplicant } from './progress';

describe('following an application (办件进度查询)', () => {
  const application = anAcceptedApplication({ status: 'decided', decidedAt: new Date('2026-03-10T08:00:00Z') }, [{ status: 'approved' }]);

  it("lets in whoever knows the applicant's identifier or phone, and nobody else", () => {
    expect(provesApplicant(application, { identifier: '91371502ma3c0lrx4k' })).toBe(true);
    expect(provesApplicant(application, { phone: '13863512345' })).toBe(true);
    expect(provesApplicant(application, { phone: '13900000000' })).toBe(false);
    expect(provesApplicant(application, {})).toBe(false);
  });

  it('lets in the last 4 digits of the phone on file (掌上办件查询), and no other 4 digits', () => {
    expect(provesApplicant(application, { phoneTail: '2345' })).toBe(true);
    expect(provesApplicant(application, { phoneTail: '1234' })).toBe(false);
    expect(provesApplicant(application, { phoneTail: '' })).toBe(false);
  });

  it('says where and when to collect the results while they wait at the centre', () => {
    expect(buildProgress(application, []).collection).toMatch(
      /^请于工作日.*持受理回执和有效身份证件到东昌府区政务服务中心领取办理结果（地址：聊城市东昌府区/,
    );
    const issued = anAcceptedApplication({ status: 'issued' }, [{ status: 'approved' }]);
    expect(buildProgress(issued, []).collection).toBeNull();
  });

  it("tells the state, each department's part and the history in Chinese, without internal ids", () => {
    const view = buildProgress(application, []);
    expect(view).toMatchObject({ statusText: '已办结，待领取结果', parts: [{ statusText: '准予许可', handedUp: false }] });
    expect(view.timeline.map((entry) => entry.text)).toEqual(['综合窗口收件', '已受理，转审批部门办理', '全部事项已办结']);
    // China time, as the applicant lives it: received 09:00 in 东昌府区 (01:00 UTC).
    expect(view.timeline.map((entry) => entry.at)).toEqual([
      '2026-03-05T09:00:00+08:00',
      '2026-03-05T09:05:00+08:00',
      '2026-03-10T16:00:00+08:00',
    ]);
    expect(JSON.stringify(view)).not.toContain(application.id);
  });

  it('tells an online submission as filed online and pre-reviewed (网上预审), not as received at a window', () => {
    const online = { receivedVia: 'online' as const, channel: 'online' as const, visits: 0, receivedBy: 'tel:13863512345' };
    const waiting = buildProgress(anAcceptedApplication({ ...online, status: 'submitted', acceptedAt: null, acceptedBy: null }), []);
    expect(waiting.timeline.map((entry) => entry.text)).toEqual(['网上申报已提交，等待窗口预审']);
    const accepted = buildProgress(anAcceptedApplication({ ...online }), []);
    expect(accepted.timeline.map((entry) => entry.text)).toEqual(['网上申报已提交，等待窗口预审', '网上预审通过，已受理，转审批部门办理']);
  });
});

describe('我的申报: the signed-in applicant’s own list', () => {
  const online = { receivedVia: 'online' as const, channel: 'online' as const, visits: 0, receivedBy: 'tel:13863512345' };
  const notice = (overrides: Partial<ApplicationNotice> = {}): ApplicationNotice =>
    ({
      id: 'n1',
      applicationId: 'a1',
      number: 'GZ20260305000123-1',
      lines: [],
      issuedBy: 'clerk-1',
      issuedByName: '李受理',
      issuedAt: new Date('2026-03-05T02:00:00Z'),
      resolvedAt: null,
      withdrawnAt: null,
      withdrawalReason: null,
      ...overrides,
    }) as ApplicationNotice;

  it('says where an online submission’s pre-review (网上预审) stands', () => {
    expect(preReviewText(anAcceptedApplication({ ...online, status: 'submitted', acceptedAt: null }), [])).toBe('待预审');
    expect(preReviewText(anAcceptedApplication({ ...online, status: 'awaiting-supplement', acceptedAt: null }), [notice()])).toBe(
      '预审未通过，请按一次性告知书补正材料',
    );
    expect(preReviewText(anAcceptedApplication({ ...online }), [])).toBe('预审通过，已受理');
  });

  it('has no pre-review for an application filed at a window, and tells how and when each came in', () => {
    expect(preReviewText(anAcceptedApplication(), [])).toBeNull();
    expect(buildMyApplication(anAcceptedApplication({ ...online, status: 'submitted', acceptedAt: null }), [])).toMatchObject({
      receivedVia: 'online',
      receivedAt: '2026-03-05T09:00:00+08:00',
      preReview: '待预审',
      statusText: '网上申请预审中',
    });
  });
});

describe('好差评 on the progress page', () => {
  const issued = anAcceptedApplication({ status: 'issued', decidedAt: new Date('2026-03-10T08:00:00Z') }, [{ status: 'approved' }]);
  const rating = (overrides: Partial<Rating> = {}): Rating => ({
    id: 'r1',
    applicationId: issued.id,
    departmentCode: 'DCF-SCJGJ',
    departmentName: '东昌府区市场监督管理局',
    level: 2,
    comment: '窗口让我跑了两趟',
    followUpOf: null,
    createdAt: new Date('2026-03-11T02:00:00Z'),
    ...overrides,
  });
  const rectification = (overrides: Partial<Rectification> = {}): Rectification => ({
    id: 'x1',
    applicationId: issued.id,
    applicationNumber: issued.number,
    ratingId: 'r1',
    departmentCode: 'DCF-SCJGJ',
    departmentName: '东昌府区市场监督管理局',
    level: 2,
    complaint: '窗口让我跑了两趟',
    dueDate: '2026-03-18',
    status: 'open',
    answer: null,
    answeredBy: null,
    answeredAt: null,
    closedAt: null,
    createdAt: new Date('2026-03-11T02:00:00Z'),
    ...overrides,
  });

  it('invites a rating once the results are out, and only once', () => {
    expect(buildProgress(issued, []).canRate).toBe(true);
    expect(buildProgress(issued, [], { ratings: [rating({ level: 5, comment: null })], rectification: null }).canRate).toBe(false);
    expect(buildProgress(anAcceptedApplication(), []).canRate).toBe(false);
  });

  it("shows the department's answer to a bad rating and invites the follow-up rating", () => {
    const answered = rectification({
      status: 'answered',
      answer: '已对窗口人员进行培训，推行一次性告知',
      answeredAt: new Date('2026-03-12T07:30:00Z'),
    });
    const view = buildProgress(issued, [], { ratings: [rating()], rectification: answered });
    expect(view.ratings).toEqual([
      {
        at: '2026-03-11T10:00:00+08:00',
        level: 2,
        levelText: '不满意',
        department: '东昌府区市场监督管理局',
        comment: '窗口让我跑了两趟',
        followUp: false,
      },
    ]);
    expect(view.rectification).toEqual({
      department: '东昌府区市场监督管理局',
      statusText: '部门已答复，请再次评价',
      dueDate: '2026-03-18',
      answer: '已对窗口人员进行培训，推行一次性告知',
      answeredAt: '2026-03-12T15:30:00+08:00',
    });
    expect(view.canRate).toBe(true);
  });
});

describe('progress messages', () => {
  const facts = {
    applicantName: '王小明',
    applicationNumber: 'YC20260305000123',
    subject: '开办餐饮店',
    centre: { name: '东昌府区政务服务中心', phone: '0635-12345' },
  };

  it('quote the application number and what the applicant must do', () => {
    expect(progressMessage('accepted', { ...facts, promisedDeadline: '2026-03-12' })).toBe(
      '【东昌府区政务服务中心】王小明您好：您申请的“开办餐饮店”已受理，受理编号YC20260305000123，承诺2026-03-12前办结。可凭受理编号查询办理进度。',
    );
    expect(progressMessage('notice', { ...facts, noticeNumber: 'GZ20260305000123-1', missingCount: 2 })).toContain('尚需补正2项材料');
    expect(progressMessage('decided', { ...facts, outcome: 'refused' })).toContain('不予许可');
    expect(progressMessage('ready-for-pickup', facts)).toContain('办理结果已可领取');
  });
});

describe('progress during review', () => {
  it("shows a part returned for supplement (退回补正) as waiting for materials, with the department's reason", () => {
    const application = anAcceptedApplication({}, [
      {
        supplementRequest: {
          caseId: 'c1',
          noticeNumber: 'GZ20260305000123-1',
          reason: '申请材料不符合法定形式',
          materials: [{ materialCode: 'M02', materialName: '施工图设计文件审查合格书', problem: '缺少审查机构盖章' }],
          requestedAt: '2026-03-06T02:00:00.000Z',
        },
      },
    ]);
    const view = buildProgress(application, []);
    expect(view.statusText).toBe('审批部门退回补正，请按一次性告知书补交材料');
    expect(view.parts).toEqual([expect.objectContaining({ statusText: '退回补正，待补交材料', reason: '申请材料不符合法定形式' })]);
  });

  it('gives a refusal its reason', () => {
    const application = anAcceptedApplication({ status: 'decided', decidedAt: new Date('2026-03-10T08:00:00Z') }, [
      { status: 'refused', decisionReason: '经现场核查，经营场所与食品安全要求不符' },
    ]);
    expect(buildProgress(application, []).parts).toEqual([
      expect.objectContaining({ statusText: '不予许可', reason: '经现场核查，经营场所与食品安全要求不符' }),
    ]);
  });
});

describe('progress of a revoked licence', () => {
  it('shows the revocation and its reason on the part and in the history', () => {
    const application = anAcceptedApplication({ status: 'decided', decidedAt: new Date('2026-03-10T08:00:00Z') }, [
      {
        status: 'approved',
        itemName: '建筑工程施工许可证核发',
        licenceNumber: 'JZ371502202600007',
        revocation: {
          licenceNumber: 'JZ371502202600007',
          reason: '告知承诺不实：建设资金未落实',
          revokedAt: '2026-04-02T03:00:00.000Z',
          revokedBy: '东昌府区住房和城乡建设局',
        },
      },
    ]);
    const view = buildProgress(application, []);
    expect(view).toMatchObject({
      statusText: '许可已撤销，办理结果不予发放',
      parts: [{ statusText: '许可已撤销', reason: '告知承诺不实：建设资金未落实' }],
    });
    expect(view.timeline.at(-1)?.text).toBe(
      '许可已撤销：建筑工程施工许可证核发（证号JZ371502202600007），理由：告知承诺不实：建设资金未落实',
    );
  });

  it('texts the applicant that the licence no longer holds, and why', () => {
    const text = progressMessage('revoked', {
      applicantName: '聊城市东昌府区运河建设工程有限公司',
      applicationNumber: 'YC20260305000123',
      subject: '建筑工程施工许可证核发',
      itemName: '建筑工程施工许可证核发',
      licenceNumber: 'JZ371502202600007',
      reason: '告知承诺不实：建设资金未落实',
      centre: { name: '东昌府区政务服务中心', phone: '0635-12345' },
    });
    expect(text).toContain('许可（证号JZ371502202600007，申请编号YC20260305000123）已被依法撤销，理由：告知承诺不实：建设资金未落实');
  });
});
