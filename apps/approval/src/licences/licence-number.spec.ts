import { checkLicenceNumberTemplate, formatLicenceNumber, licenceSeries } from './licence-number';

const parts = { departmentCode: 'DCF-SCJGJ', itemCode: 'DCF-SCJG-XK-002', year: 2026 };

describe('licence numbers', () => {
  it('numbers by department, year and a zero-padded sequence by default', () => {
    expect(formatLicenceNumber('{dept}-{yyyy}-{seq:6}', parts, 123)).toBe('DCF-SCJGJ-2026-000123');
  });

  it('follows a department scheme with a fixed prefix and its own sequence width', () => {
    expect(formatLicenceNumber('JY1371502{yyyy}{seq:5}', parts, 7)).toBe('JY1371502202600007');
  });

  it('keeps one series per rendered prefix, so a new year starts again at one', () => {
    expect(licenceSeries('{dept}-{yyyy}-{seq:6}', parts)).toBe('DCF-SCJGJ-2026-#');
    expect(licenceSeries('{dept}-{yyyy}-{seq:6}', { ...parts, year: 2027 })).toBe('DCF-SCJGJ-2027-#');
  });

  it('refuses a scheme without exactly one sequence or with an unknown placeholder', () => {
    expect(checkLicenceNumberTemplate('{dept}-{yyyy}')).toMatch(/流水号/);
    expect(checkLicenceNumberTemplate('{seq}-{seq:4}')).toMatch(/流水号/);
    expect(checkLicenceNumberTemplate('{dept}-{month}-{seq}')).toMatch(/\{month\}/);
    expect(checkLicenceNumberTemplate('{item}-{yyyy}-{seq:8}')).toBeNull();
  });
});
