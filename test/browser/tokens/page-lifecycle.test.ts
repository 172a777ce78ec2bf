import { expect } from '@open-wc/testing';

import { browserPageLifecycle, type ResumeReason } from '../../../src/services/tokens/page-lifecycle.js';

/** A stand-in for `document` whose visibility a test sets. */
class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'hidden';
}

function setUp() {
  const fakeDocument = new FakeDocument();
  const fakeWindow = new EventTarget();
  const reasons: ResumeReason[] = [];
  const remove = browserPageLifecycle({ document: fakeDocument, window: fakeWindow }).onResume((reason) =>
    reasons.push(reason),
  );
  return { fakeDocument, fakeWindow, reasons, remove };
}

describe('browserPageLifecycle', () => {
  it('reports a page that becomes visible', () => {
    const { fakeDocument, reasons } = setUp();

    fakeDocument.visibilityState = 'visible';
    fakeDocument.dispatchEvent(new Event('visibilitychange'));

    expect(reasons).to.deep.equal(['visible']);
  });

  it('ignores a page that becomes hidden', () => {
    const { fakeDocument, reasons } = setUp();

    fakeDocument.dispatchEvent(new Event('visibilitychange'));

    expect(reasons).to.deep.equal([]);
  });

  it('reports coming back online', () => {
    const { fakeWindow, reasons } = setUp();

    fakeWindow.dispatchEvent(new Event('online'));

    expect(reasons).to.deep.equal(['online']);
  });

  it('stops after the remover runs', () => {
    const { fakeDocument, fakeWindow, reasons, remove } = setUp();

    remove();
    fakeDocument.visibilityState = 'visible';
    fakeDocument.dispatchEvent(new Event('visibilitychange'));
    fakeWindow.dispatchEvent(new Event('online'));

    expect(reasons).to.deep.equal([]);
  });

  it('listens on the page by default', () => {
    const reasons: ResumeReason[] = [];
    const remove = browserPageLifecycle().onResume((reason) => reasons.push(reason));

    try {
      window.dispatchEvent(new Event('online'));
    } finally {
      remove();
    }

    expect(reasons).to.deep.equal(['online']);
  });
});
