import { expect } from '@open-wc/testing';

import { isTeamsError } from '../../../src/services/errors.js';
import type { CommunicationTokenSource } from '../../../src/services/session/session.js';
import type { CommunicationAccessToken } from '../../../src/services/session/types.js';
import { TokenServiceCredential } from '../../../src/services/tokens/credential.js';
import type { GetTokenOptions } from '../../../src/services/tokens/token-service.js';
import { createTestService, hour, minute } from './fakes.js';
import { rejectionOf } from '../support/rejection.js';

describe('TokenServiceCredential', () => {
  it('returns the token and its expiry', async () => {
    const { service, clock } = createTestService();
    const credential = new TokenServiceCredential(service);

    const accessToken = await credential.getToken();

    expect(accessToken).to.deep.equal({ token: 'communication-token-1', expiresOnTimestamp: clock.now() + hour });
  });

  it('returns the proactively refreshed token', async () => {
    const { service, exchange, clock } = createTestService();
    const credential = new TokenServiceCredential(service);
    const start = clock.now();

    const first = await credential.getToken();
    await clock.advance(55 * minute);
    const second = await credential.getToken();

    expect(exchange.callTimesSince(start)).to.deep.equal([0, 50 * minute]);
    expect(second.token).to.equal('communication-token-2');
    expect(second.token).to.not.equal(first.token);
    expect(second.expiresOnTimestamp).to.be.greaterThan(first.expiresOnTimestamp);
  });

  it('is the service credential the session uses', async () => {
    const { service } = createTestService();
    const source: CommunicationTokenSource = service;

    const accessToken = await source.credential.getToken();

    expect(service.credential).to.equal(source.credential);
    expect(accessToken.token).to.equal('communication-token-1');
  });

  it('shares one exchange among five credentials', async () => {
    const { service, exchange } = createTestService();

    const tokens = await Promise.all([1, 2, 3, 4, 5].map(() => new TokenServiceCredential(service).getToken()));

    expect(exchange.calls.length).to.equal(1);
    expect(new Set(tokens.map((token) => token.token)).size).to.equal(1);
  });

  it('rejects after dispose', async () => {
    const { service } = createTestService();
    const credential = new TokenServiceCredential(service);

    credential.dispose();
    const error = await rejectionOf(credential.getToken());

    expect(isTeamsError(error, 'credential-disposed')).to.equal(true);
  });

  it('leaves the service running on dispose', async () => {
    const { service } = createTestService();
    const credential = new TokenServiceCredential(service);

    credential.dispose();
    const token = await new TokenServiceCredential(service).getToken();

    expect(service.disposed).to.equal(false);
    expect(token.token).to.equal('communication-token-1');
  });

  it('converts an AbortSignalLike', async () => {
    const received: GetTokenOptions[] = [];
    const source = {
      getToken(options?: GetTokenOptions): Promise<CommunicationAccessToken> {
        received.push(options ?? {});
        return new Promise((_resolve, reject) => {
          options?.signal?.addEventListener('abort', () => reject(options.signal?.reason));
        });
      },
    };
    // A polyfilled signal that is not a DOM AbortSignal, which the SDK's AbortSignalLike allows.
    const listeners: Array<(event: Event) => void> = [];
    const signalLike = {
      aborted: false,
      addEventListener: (_type: 'abort', listener: (event: Event) => void): void => {
        listeners.push(listener);
      },
      removeEventListener: (): void => {},
    };
    const credential = new TokenServiceCredential(source);

    const pending = rejectionOf(credential.getToken({ abortSignal: signalLike }));
    signalLike.aborted = true;
    for (const listener of listeners) listener(new Event('abort'));
    const error = (await pending) as DOMException;

    expect(received[0]!.signal).to.be.instanceOf(AbortSignal);
    expect(received[0]!.signal!.aborted).to.equal(true);
    expect(error.name).to.equal('AbortError');
  });
});
