import { expect } from '@open-wc/testing';

import { type EndReasonKind, describeEndReason } from '../../../src/services/calling/end-reasons.js';

describe('describeEndReason', () => {
  const cases: Array<[number, number, EndReasonKind]> = [
    [0, 0, 'ended'],
    [0, 5010, 'ended'],
    [0, 5013, 'ended'],
    [0, 4097, 'ended-for-everyone'],
    [0, 5854, 'removed-from-lobby'],
    [0, 5855, 'lobby-timeout'],
    [403, 5222, 'interop-disabled'],
    [403, 5223, 'not-allowed'],
    [404, 4500, 'call-not-found'],
    [408, 560408, 'no-response'],
    [480, 560480, 'no-answer'],
    [487, 10004, 'no-answer'],
    [486, 4508, 'declined'],
    [603, 0, 'declined'],
    [487, 560487, 'cancelled'],
    [487, 10003, 'answered-elsewhere'],
    [490, 4502, 'network'],
    [490, 4522, 'network'],
    [490, 4525, 'network'],
    [496, 4526, 'offline'],
    [499, 3119, 'token'],
    [499, 3128, 'token'],
    [429, 10110, 'too-long'],
  ];

  for (const [code, subCode, kind] of cases) {
    it(`maps ${code}/${subCode} to ${kind}`, () => {
      expect(describeEndReason({ code, subCode }).kind).to.equal(kind);
    });
  }

  it('keeps an unknown pair with its numbers', () => {
    const described = describeEndReason({ code: 500, subCode: 4101 });
    expect(described.kind).to.equal('unknown');
    expect(described.code).to.equal(500);
    expect(described.subCode).to.equal(4101);
  });

  it('treats subcodes outside a range as unknown', () => {
    expect(describeEndReason({ code: 490, subCode: 4521 }).kind).to.equal('unknown');
    expect(describeEndReason({ code: 490, subCode: 4526 }).kind).to.equal('unknown');
    expect(describeEndReason({ code: 499, subCode: 3129 }).kind).to.equal('unknown');
  });

  it('treats a missing subcode as unknown', () => {
    const described = describeEndReason({ code: 486 });
    expect(described.kind).to.equal('unknown');
    expect(described.subCode).to.equal(undefined);
  });

  it('does not match a subcode under another code', () => {
    expect(describeEndReason({ code: 480, subCode: 4508 }).kind).to.equal('unknown');
  });
});
