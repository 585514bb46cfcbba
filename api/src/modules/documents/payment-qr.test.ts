import { paymentQrText, type PaymentQrFields } from './payment-qr';

const company: PaymentQrFields = {
  name: 'ООО «Торговый дом»',
  personalAcc: '40702810900000000001',
  bankName: 'ПАО Сбербанк',
  bic: '044525225',
  correspAcc: '30101810400000000225',
  payeeInn: '7707083893',
  kpp: '773601001',
  purpose: 'Оплата по счёту № IN-2026-000001 от 15.03.2026',
  sum: '1464.5',
};

describe('the payment QR code text (ST00012)', () => {
  it('writes the required fields in the standard order, then INN, KPP, purpose and the sum in kopecks', () => {
    expect(paymentQrText(company)).toBe(
      'ST00012|Name=ООО «Торговый дом»|PersonalAcc=40702810900000000001|BankName=ПАО Сбербанк|BIC=044525225|CorrespAcc=30101810400000000225' +
        '|PayeeINN=7707083893|KPP=773601001|Purpose=Оплата по счёту № IN-2026-000001 от 15.03.2026|Sum=146450',
    );
  });

  it.each([
    ['1464.5', '146450'],
    ['0.01', '1'],
    ['1200', '120000'],
    ['999999999999.99', '99999999999999'],
    // a fourth place of a stored amount rounds half up to the kopeck
    ['10.005', '1001'],
  ])('writes %s roubles as Sum=%s', (sum, kopecks) => {
    expect(paymentQrText({ ...company, sum })).toMatch(new RegExp(`\\|Sum=${kopecks}$`));
  });

  it('keeps the separator and line breaks out of every value', () => {
    const text = paymentQrText({ ...company, name: 'ООО | «Дом»\n', purpose: 'За товар|по счёту\r\n1' })!;
    expect(text).toContain('|Name=ООО «Дом»|');
    expect(text).toContain('|Purpose=За товар по счёту 1|');
    expect(text.split('|')).toHaveLength(10);
  });

  it('leaves out optional fields that are empty, and prints 0 for a missing correspondent account', () => {
    expect(paymentQrText({ ...company, payeeInn: null, kpp: '', correspAcc: null })).toBe(
      'ST00012|Name=ООО «Торговый дом»|PersonalAcc=40702810900000000001|BankName=ПАО Сбербанк|BIC=044525225|CorrespAcc=0|Purpose=Оплата по счёту № IN-2026-000001 от 15.03.2026|Sum=146450',
    );
  });

  it.each(['name', 'personalAcc', 'bankName', 'bic'] as const)('gives no code without the %s of the company', (field) => {
    expect(paymentQrText({ ...company, [field]: '  ' })).toBeNull();
  });
});
