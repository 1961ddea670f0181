import { maskPersonalDataInText, maskPhone, maskResidentId } from '../index';

describe('masking personal data', () => {
  it('keeps the division code and the last four characters of a resident ID', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
  });

  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks resident IDs and mobile numbers inside free text and JSON', () => {
    const text = JSON.stringify({ applicant: '张三', idNumber: '11010519491231002X', phone: '13812345678', note: '电话13912345678' });
    const masked = maskPersonalDataInText(text);
    expect(masked).not.toContain('11010519491231002X');
    expect(masked).toContain('110105********002X');
    expect(masked).toContain('138****5678');
    expect(masked).toContain('电话139****5678');
  });

  it('leaves unified social credit codes and other numbers alone', () => {
    const text = 'code 91350100M000100Y43, application YC20260305000123, amount 1234567890123';
    expect(maskPersonalDataInText(text)).toBe(text);
  });
});
