/**
 * 建筑工程施工许可 through the 住建局's own system, end to end on real Kafka and PostgreSQL: the
 * application filed at the window with its form (the companies and the project filled from shared
 * data through the bridge, with their sources) reaches the department's GBK XML system with every
 * answer mapped to its fields, units, codes and dates; its 受理回执 gives its own case number; its
 * 退回补正, by that number, pauses the case and produces the one-time notice; the supplement and
 * the corrected form go back to it; its 准予, by application number and item code, decides the
 * case at its own decision time, and the licence carries its permit number.
 */
import { randomUUID } from 'node:crypto';
import { DEVELOPMENT_TOKEN_SECRET, issueToken } from '@onewindow/platform';
import { callApi, eventually, fileAtWindow, testDatabaseUrl, testKafkaBrokers } from '@onewindow/testing';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

type Json = Record<string, unknown>;

const secret = DEVELOPMENT_TOKEN_SECRET;
const HOUSING = { code: 'DCF-ZJJ', name: '东昌府区住房和城乡建设局' };
const CONSTRUCTION_PERMIT = 'DCF-ZJ-XK-012';
const BUILDER = '91371502MA3D7HJT5G';
const CONTRACTOR = '91371500168456237L';
const SUPERVISOR = '91371502MA3EBR8N4U';
const PROJECT = '2026-371502-47-01-038215';

const clerk = issueToken({ id: 'clerk-zjj-1', name: '李受理', role: 'clerk', level: 'district' }, secret);
const admin = issueToken({ id: 'admin-1', name: '平台管理员', role: 'admin' }, secret);
const integrator = issueToken({ id: 'int-zjj', name: '赵集成', role: 'integrator', department: HOUSING.code }, secret);
const approver = issueToken({ id: 'approver-zjj', name: '王审批', role: 'approver', department: HOUSING.code }, secret);

/** `yyyyMMddHHmmss` in China time, as the 住建局 system writes its times. */
function shanghaiStamp(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

describe('建筑工程施工许可 through the 住建局施工许可系统 (GBK XML files)', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startServicesForTest({
      label: 'construction-permit',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      only: ['intake', 'approval', 'supervision', 'bridge'],
      env: { BRIDGE_POLL_INTERVAL_MS: '100', DEADLINE_WATCH_INTERVAL_MS: '0' },
    });
    // The catalogue marks the item as handled in the department's own system: one item imported, the rest left as they are.
    const exported = JSON.parse(
      String(
        await fetch(`${platform.urls.intake}/catalogue/export?format=json`, { headers: { authorization: `Bearer ${admin}` } }).then((r) =>
          r.text(),
        ),
      ),
    ) as {
      departments: Json[];
      items: Json[];
    };
    const item = exported.items.find((candidate) => candidate['code'] === CONSTRUCTION_PERMIT) as Json;
    const imported = await call('intake', admin, 'POST', '/catalogue/import', {
      format: 'json',
      content: JSON.stringify({ departments: exported.departments, items: [{ ...item, handledInDepartmentSystem: true }], bundles: [] }),
    });
    expect(imported.body).toMatchObject({ itemsCreatedOrChanged: [expect.stringMatching(/^DCF-ZJ-XK-012@\d+$/)] });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  function call(service: 'intake' | 'approval' | 'bridge', token: string, method: string, path: string, body?: unknown) {
    return callApi<Json>(platform.urls[service], token, method, path, body);
  }

  /** What the 住建局 system received for an application (its GBK XML files, read as its importer reads them), by root element. */
  async function receivedFiles(applicationNumber: string, root: string): Promise<Json[]> {
    const files = (
      await call('bridge', integrator, 'GET', `/demo/department-systems/construction/received?applicationNumber=${applicationNumber}`)
    ).body as unknown as Array<{ root: string; record: Json }>;
    return files.filter((file) => file.root === root).map((file) => file.record);
  }

  /** The 住建局 system writes its result or 受理回执 file (GBK XML), as its software does. */
  async function departmentWrites(kind: 'result' | 'acknowledgement', record: Json): Promise<void> {
    const written = await call('bridge', integrator, 'POST', `/demo/department-systems/construction/${kind}`, { record });
    expect(written.status).toBe(201);
  }

  /** The clerk files 施工许可 with its form: the companies and the project filled from shared data through the bridge, with their sources. */
  async function fileConstructionPermit(): Promise<{ application: Json; part: Json; form: Json; formSources: Json[] }> {
    // 数据自动调取: the companies from 法人库 by their credit codes, the project from 投资项目库.
    const prefill = async (query: string) => {
      const response = await call('bridge', clerk, 'GET', `/prefill?${query}`);
      expect(response.status).toBe(200);
      return response.body['fields'] as Array<{ path: string; value: unknown; source: string; fetchedAt: string }>;
    };
    const builder = await prefill(`creditCode=${BUILDER}`);
    const contractor = await prefill(`creditCode=${CONTRACTOR}`);
    const supervisor = await prefill(`creditCode=${SUPERVISOR}`);
    const project = await prefill(`projectCode=${PROJECT}`);
    const filled = (fields: typeof builder, from: string, path: string, source: 'enterprise' | 'project') => {
      const found = fields.find((field) => field.path === from);
      if (!found) throw new Error(`${from} not pre-filled`);
      return { value: found.value, source: { path, source, sourceName: found.source, fetchedAt: found.fetchedAt, value: found.value } };
    };
    const auto = {
      builderName: filled(builder, 'applicant.name', 'builder.name', 'enterprise'),
      builderLegal: filled(builder, 'enterprise.legalRepresentative', 'builder.legalRepresentative', 'enterprise'),
      contractorName: filled(contractor, 'applicant.name', 'contractor.name', 'enterprise'),
      supervisorName: filled(supervisor, 'applicant.name', 'supervisor.name', 'enterprise'),
      projectName: filled(project, 'project.name', 'projectName', 'project'),
      scale: filled(project, 'project.scale', 'scale', 'project'),
    };
    expect(auto.builderName.value).toBe('聊城市凤凰置业有限公司');
    expect(auto.builderName.source.sourceName).toBe('聊城市法人单位基础信息库');
    const form = {
      projectCode: PROJECT,
      projectName: auto.projectName.value,
      site: { division: '371502', detail: '柳园街道兴华西路与花园北路交叉口东南角' },
      scale: auto.scale.value,
      buildingArea: 52680.45,
      contractPrice: '136850000.00',
      totalInvestment: '198000000.00',
      projectType: '01',
      structure: '03',
      floorsAbove: 18,
      planningPermit: '建字第371502202600315号',
      builder: {
        creditCode: BUILDER,
        name: auto.builderName.value,
        legalRepresentative: auto.builderLegal.value,
        projectLeader: '刘志强',
        phone: '13563581276',
      },
      contractor: {
        creditCode: CONTRACTOR,
        name: auto.contractorName.value,
        qualification: '02',
        projectManager: '陈立新',
        managerCertificate: '鲁1372015201608712',
      },
      supervisor: { creditCode: SUPERVISOR, name: auto.supervisorName.value, chiefEngineer: '赵明远' },
      plannedStart: '2026-12-20',
      plannedCompletion: '2028-06-30',
      drawingReview: '聊审图〔2026〕第0415号',
    };
    const formSources = Object.values(auto).map((answer) => answer.source);

    const filed = await fileAtWindow(platform.urls.intake, clerk, {
      itemCodes: [CONSTRUCTION_PERMIT],
      channel: 'window',
      level: 'district',
      applicant: { kind: 'organisation', name: auto.builderName.value, identifier: BUILDER, phone: '13563581276' },
      allOtherMaterialsProvided: true,
      materials: [{ itemCode: CONSTRUCTION_PERMIT, materialCode: 'M04', finding: 'pledged' }],
      form,
      formSources,
    });
    const application = (await filed.json()) as Json;
    expect({ status: filed.status, body: application }).toMatchObject({ status: 201 });
    const part = (application['parts'] as Json[])[0] as Json;
    return { application, part, form, formSources };
  }

  it('files the form at the window, reaches the 住建局 system with every answer mapped, and comes back through 补正 to a decision with its permit number', async () => {
    const { application, part, form, formSources } = await fileConstructionPermit();
    const applicationNumber = String(application['number']);

    // The 住建局 system receives the application in its own fields, units and codes: nobody types it again.
    const [received] = await eventually(async () => {
      const files = await receivedFiles(applicationNumber, 'SGXK_SQ');
      expect(files).toHaveLength(1);
      return files;
    });
    expect(received).toMatchObject({
      SQXX: {
        PTBJBH: part['id'],
        SLBH: applicationNumber,
        SXBM: CONSTRUCTION_PERMIT,
        SJZT: '1',
        SQDW: '聊城市凤凰置业有限公司',
        SQDWDM: BUILDER,
      },
      XMXX: {
        XMDM: PROJECT,
        XMMC: '聊城市东昌府区凤凰苑小区三期住宅楼工程',
        JSDD: { XZQHDM: '371502', XZQHMC: '东昌府区', XXDZ: '柳园街道兴华西路与花园北路交叉口东南角' },
        JSGM: '新建住宅楼4栋，地上18层、地下2层，配套地下车库及附属设施',
        JZMJ: '52680.45',
        HTJG: '13685',
        ZTZ: '19800',
        GCLB: 'FJ',
        JGLX: '3',
        DSCS: '18',
        GHXKZBH: '建字第371502202600315号',
        JHKGRQ: '20261220',
        JHJGRQ: '20280630',
        SGTSCHGSBH: '聊审图〔2026〕第0415号',
      },
      JSDW: { TYSHXYDM: BUILDER, DWMC: '聊城市凤凰置业有限公司', FDDBR: '王建国', XMFZR: '刘志强', LXDH: '13563581276' },
      SGDW: { TYSHXYDM: CONTRACTOR, DWMC: '山东水城建工集团有限公司', ZZDJ: 'YJ', XMJL: '陈立新', JZSZCZSBH: '鲁1372015201608712' },
      JLDW: { TYSHXYDM: SUPERVISOR, DWMC: '聊城市正元工程监理有限公司', ZJLGCS: '赵明远' },
    });
    expect((received?.['CLQD'] as { CL: Json[] }).CL).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ CLBM: 'SG01', SQFS: '1', CLLY: '一窗受理平台' }),
        expect.objectContaining({ CLBM: 'SG04', SQFS: '3' }),
      ]),
    );
    // Where the answers came from travels too: the companies from 法人库, kept as filled.
    const sources = (received?.['TBLY'] as { LM: Json[] }).LM;
    expect(sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          LMMC: expect.stringContaining('名称'),
          TXNR: '聊城市凤凰置业有限公司',
          SJLY: '聊城市法人单位基础信息库',
          SFXG: '否',
        }),
        expect.objectContaining({ TXNR: '山东水城建工集团有限公司', SJLY: '聊城市法人单位基础信息库' }),
        expect.objectContaining({ TXNR: '聊城市东昌府区凤凰苑小区三期住宅楼工程', SJLY: '山东省投资项目在线审批监管平台' }),
      ]),
    );

    const approvalCase = await eventually(async () => {
      const queue = await call('approval', approver, 'GET', `/cases?applicationNumber=${applicationNumber}`);
      const found = (queue.body['items'] as Json[] | undefined)?.find((c) => c['partId'] === part['id']);
      expect(found).toBeDefined();
      return found as Json;
    });

    // Its 受理回执 gives its own case number.
    const caseNumber = `SGXK-2026-${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
    await departmentWrites('acknowledgement', {
      SLBH: applicationNumber,
      SXBM: CONSTRUCTION_PERMIT,
      BJBH: caseNumber,
      SLSJ: shanghaiStamp(platform.clock.now()),
    });
    await eventually(async () => {
      const deliveries = await call('bridge', integrator, 'GET', '/deliveries?status=acknowledged&pageSize=100');
      expect((deliveries.body['items'] as Json[]).find((d) => d['partId'] === part['id'] && d['kind'] === 'application')).toMatchObject({
        departmentCaseNumber: caseNumber,
      });
    });

    // 退回补正 by its own case number: the contract price does not match the contract.
    await departmentWrites('result', {
      JGBH: `SGXK-BZ-${randomUUID().slice(0, 8)}`,
      BJBH: caseNumber,
      BLJG: '3',
      BJSJ: shanghaiStamp(new Date(Math.ceil(platform.clock.now().getTime() / 1000) * 1000)),
      BZYY: '施工合同价款与申请表所填合同价格不一致，请核实后补正',
      BZCL: { CL: [{ CLBM: 'SG03', BZYQ: '提供加盖双方公章的施工合同价款页' }] },
    });
    await eventually(async () =>
      expect((await call('approval', approver, 'GET', `/cases/${String(approvalCase['id'])}`)).body).toMatchObject({
        suspendedFor: 'supplement',
      }),
    );
    const notice = await eventually(async () => {
      const response = await fetch(`${platform.urls.intake}/applications/${String(application['id'])}/notices`, {
        headers: { authorization: `Bearer ${clerk}` },
      });
      const list = (await response.json()) as Json[];
      expect(list).toHaveLength(1);
      return list[0] as Json;
    });
    expect(notice['lines']).toEqual([expect.objectContaining({ materialName: '施工合同', problem: '提供加盖双方公章的施工合同价款页' })]);
    expect(String(notice['issuedBy'])).toContain('住建局施工许可系统');

    // The applicant brings the contract page; the clerk corrects the contract price in the form.
    const supplied = await call(
      'intake',
      clerk,
      'POST',
      `/applications/${String(application['id'])}/parts/${String(part['id'])}/supplement-received`,
      {
        form: { ...form, contractPrice: '138000000.00' },
        formSources,
      },
    );
    expect(supplied.status).toBe(200);

    // The supplement and the corrected form go back to the department system, by its case number.
    const [supplement] = await eventually(async () => {
      const files = await receivedFiles(applicationNumber, 'SGXK_BZ');
      expect(files).toHaveLength(1);
      return files;
    });
    expect(supplement).toMatchObject({
      BZXX: { BJBH: caseNumber, SLBH: applicationNumber, SXBM: CONSTRUCTION_PERMIT, JSR: '李受理', SFGZSQB: '是' },
      BZCL: { CL: [{ CLBM: 'SG03', CLMC: '施工合同', CLLY: '窗口补正' }] },
      GZLM: { LM: [expect.objectContaining({ BMZD: 'XMXX.HTJG', LMMC: '合同价格' })] },
    });
    const corrected = await eventually(async () => {
      const files = await receivedFiles(applicationNumber, 'SGXK_SQ');
      expect(files).toHaveLength(2);
      return files.find((file) => (file['SQXX'] as Json)['SJZT'] === '2') as Json;
    });
    expect(corrected).toMatchObject({ SQXX: { SLBH: applicationNumber, SJZT: '2' }, XMXX: { HTJG: '13800' } });
    await eventually(async () =>
      expect((await call('approval', approver, 'GET', `/cases/${String(approvalCase['id'])}`)).body).toMatchObject({ suspendedFor: null }),
    );

    // 准予, named by application number and item code, at the department's own decision time, with its permit number.
    const decidedAt = new Date(Math.ceil(platform.clock.now().getTime() / 1000) * 1000);
    const permitNumber = `371502${shanghaiStamp(decidedAt).slice(0, 8)}${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
    await departmentWrites('result', {
      JGBH: `SGXK-JG-${randomUUID().slice(0, 8)}`,
      SLBH: applicationNumber,
      SXBM: CONSTRUCTION_PERMIT,
      BLJG: '1',
      BJSJ: shanghaiStamp(decidedAt),
      SGXKZH: permitNumber,
    });
    const decided = await eventually(async () => {
      const current = (await call('approval', approver, 'GET', `/cases/${String(approvalCase['id'])}`)).body;
      expect(current['status']).toBe('approved');
      return current;
    });
    expect(new Date(String(decided['decidedAt'])).getTime()).toBe(decidedAt.getTime());
    expect(Number.isNaN(Date.parse(String(decided['decisionReceivedAt'])))).toBe(false);
    expect(decided['decidedBy']).toMatchObject({ kind: 'department-system', id: 'dcf-zjj-sgxk', name: '住建局施工许可系统' });
    const licence = (await call('approval', approver, 'GET', `/licences/${String(decided['licenceId'])}`)).body;
    expect(licence).toMatchObject({ number: permitNumber, holder: expect.objectContaining({ identifier: BUILDER }) });

    // The window sees the decision and the permit number on the part.
    await eventually(async () => {
      const current = (await call('intake', clerk, 'GET', `/applications/${String(application['id'])}`)).body;
      expect((current['parts'] as Json[])[0]).toMatchObject({ status: 'approved', licenceNumber: permitNumber });
    });

    const today = new Date(platform.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const reconciliation = await call('bridge', integrator, 'GET', `/adapters/dcf-zjj-sgxk/reconciliation?date=${today}`);
    expect(reconciliation.body['counts']).toMatchObject({
      sent: 1,
      supplementsSent: 1,
      correctionsSent: 1,
      acknowledgementsReceived: 1,
      supplementRequestsReceived: 1,
      resultsReceived: 1,
      awaitingResult: 0,
    });
  });

  it('dead-letters a result naming a case number it never gave, or an application never sent to it, naming the fields', async () => {
    await departmentWrites('result', {
      JGBH: `SGXK-JG-${randomUUID().slice(0, 8)}`,
      BJBH: 'SGXK-2026-9999',
      BLJG: '1',
      BJSJ: shanghaiStamp(platform.clock.now()),
      SGXKZH: '371502202612070999',
    });
    await departmentWrites('result', {
      JGBH: `SGXK-JG-${randomUUID().slice(0, 8)}`,
      SLBH: 'YC20261207999999',
      SXBM: CONSTRUCTION_PERMIT,
      BLJG: '1',
      BJSJ: shanghaiStamp(platform.clock.now()),
    });
    const letters = await eventually(async () => {
      const list = await call('bridge', integrator, 'GET', '/dead-letters?adapterId=dcf-zjj-sgxk&status=open');
      const items = list.body['items'] as Json[];
      expect(items.length).toBeGreaterThanOrEqual(2);
      return items;
    });
    expect(letters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'BJBH',
          code: 'unknown_part',
          message: expect.stringContaining('部门办件编号 SGXK-2026-9999 不是推送给本系统的办件'),
        }),
        expect.objectContaining({
          field: 'SLBH+SXBM',
          code: 'unknown_part',
          message: expect.stringContaining('受理编号 YC20261207999999 事项 DCF-ZJ-XK-012'),
        }),
      ]),
    );
  });

  it('learns its case number from a result that gives it, and takes its 准予 by that number alone', async () => {
    const { application, part } = await fileConstructionPermit();
    const applicationNumber = String(application['number']);
    await eventually(async () => expect(await receivedFiles(applicationNumber, 'SGXK_SQ')).toHaveLength(1));
    const approvalCase = await eventually(async () => {
      const found = (
        (await call('approval', approver, 'GET', `/cases?applicationNumber=${applicationNumber}`)).body['items'] as Json[] | undefined
      )?.[0];
      expect(found).toBeDefined();
      return found as Json;
    });
    // No 受理回执: its 退回补正 names the part by application number and item code, and gives its own number beside.
    const caseNumber = `SGXK-2026-${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
    await departmentWrites('result', {
      JGBH: `SGXK-BZ-${randomUUID().slice(0, 8)}`,
      SLBH: applicationNumber,
      SXBM: CONSTRUCTION_PERMIT,
      BJBH: caseNumber,
      BLJG: '3',
      BJSJ: shanghaiStamp(new Date(Math.ceil(platform.clock.now().getTime() / 1000) * 1000)),
      BZYY: '施工图设计文件审查合格书编号与审查机构出具的不一致',
      BZCL: { CL: [{ CLBM: 'SG05' }] },
    });
    await eventually(async () =>
      expect((await call('approval', approver, 'GET', `/cases/${String(approvalCase['id'])}`)).body).toMatchObject({
        suspendedFor: 'supplement',
      }),
    );
    // The window can record the supplement once intake has issued its one-time notice (an event behind approval's).
    await eventually(async () =>
      expect(await call('intake', clerk, 'GET', `/applications/${String(application['id'])}/notices`)).toMatchObject({
        body: [expect.anything()],
      }),
    );
    expect(
      (
        await call(
          'intake',
          clerk,
          'POST',
          `/applications/${String(application['id'])}/parts/${String(part['id'])}/supplement-received`,
          {},
        )
      ).status,
    ).toBe(200);
    // The supplement goes back under the number it learned; nothing in the form changed, so no correction follows.
    const [supplement] = await eventually(async () => {
      const files = await receivedFiles(applicationNumber, 'SGXK_BZ');
      expect(files).toHaveLength(1);
      return files;
    });
    expect(supplement).toMatchObject({
      BZXX: { BJBH: caseNumber, SFGZSQB: '否' },
      BZCL: { CL: [{ CLBM: 'SG05', CLMC: '施工图设计文件审查合格书' }] },
    });
    await eventually(async () =>
      expect((await call('approval', approver, 'GET', `/cases/${String(approvalCase['id'])}`)).body).toMatchObject({ suspendedFor: null }),
    );

    await departmentWrites('result', {
      JGBH: `SGXK-JG-${randomUUID().slice(0, 8)}`,
      BJBH: caseNumber,
      BLJG: '1',
      BJSJ: shanghaiStamp(new Date(Math.ceil(platform.clock.now().getTime() / 1000) * 1000)),
      SGXKZH: '371502202612070388',
    });
    await eventually(async () =>
      expect((await call('approval', approver, 'GET', `/cases/${String(approvalCase['id'])}`)).body).toMatchObject({ status: 'approved' }),
    );
    expect(await receivedFiles(applicationNumber, 'SGXK_SQ')).toHaveLength(1);
  });
});
