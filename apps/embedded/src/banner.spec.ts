import { renderBanner } from './banner';

describe('the start banner', () => {
  const banner = renderBanner({
    seconds: 8.77,
    dataDir: '.data/embedded',
    consoleUrl: 'http://127.0.0.1:3000',
    services: [
      { name: 'intake', url: 'http://127.0.0.1:3001' },
      { name: 'identity', url: 'http://127.0.0.1:3005' },
    ],
    demoAccounts: [
      { username: 'lishouli', password: 'Demo@2026', displayName: '李受理', role: 'clerk', unit: '东昌府区政务服务中心综合窗口' },
      { username: 'wangshenpi', password: 'Demo@2026', displayName: '王审批', role: 'approver', unit: '东昌府区市场监督管理局' },
    ],
  });

  it('leads with the console’s address', () => {
    expect(banner).toContain('控制台 console   http://127.0.0.1:3000');
    expect(banner.indexOf('http://127.0.0.1:3000')).toBeLessThan(banner.indexOf('lishouli'));
  });

  it('lists each demo account with its role, name and unit, and the one password once', () => {
    expect(banner).toContain('演示账户 demo accounts (密码 password Demo@2026):');
    expect(banner).toMatch(/综合窗口 +lishouli +李受理 +东昌府区政务服务中心综合窗口/);
    expect(banner).toMatch(/审批 +wangshenpi +王审批 +东昌府区市场监督管理局/);
    expect(banner.match(/Demo@2026/g)).toHaveLength(1);
  });

  it('names the API paths behind the console', () => {
    expect(banner).toContain('http://127.0.0.1:3000/api/intake/');
    expect(banner).toContain('http://127.0.0.1:3000/api/identity/');
  });

  it('leaves the accounts out when there is no demo data', () => {
    expect(renderBanner({ seconds: 1, dataDir: 'd', consoleUrl: 'http://127.0.0.1:3000', services: [], demoAccounts: [] })).not.toContain(
      '演示账户',
    );
  });
});
