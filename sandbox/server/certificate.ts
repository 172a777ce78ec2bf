import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { generate } from 'selfsigned';

/** A PEM certificate and its private key. */
export interface TlsCertificate {
  cert: string;
  key: string;
  /** Path of the certificate file, for `NODE_EXTRA_CA_CERTS` and browser trust. */
  certPath: string;
}

const renewBeforeMs = 7 * 24 * 60 * 60 * 1000;

/**
 * Loads the sandbox's self-signed certificate for `localhost` and `127.0.0.1` from `directory`,
 * creating it on first use and again when it expires within a week. The files are local to the
 * machine and ignored by git.
 */
export async function loadOrCreateCertificate(directory: string): Promise<TlsCertificate> {
  const certPath = join(directory, 'localhost-cert.pem');
  const keyPath = join(directory, 'localhost-key.pem');

  try {
    const [cert, key] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
    const validTo = Date.parse(new X509Certificate(cert).validTo);
    if (validTo - Date.now() > renewBeforeMs) return { cert, key, certPath };
  } catch {
    // Missing or unreadable files: create a new pair below.
  }

  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 365 * 24 * 60 * 60 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });

  await mkdir(directory, { recursive: true });
  await writeFile(certPath, pems.cert, { mode: 0o644 });
  await writeFile(keyPath, pems.private, { mode: 0o600 });
  return { cert: pems.cert, key: pems.private, certPath };
}
