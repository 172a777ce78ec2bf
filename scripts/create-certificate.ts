// Creates the sandbox's localhost certificate before Node starts, so that Node tests can trust it
// through NODE_EXTRA_CA_CERTS (which Node reads only at start-up).
import { loadOrCreateCertificate } from '../sandbox/server/certificate.js';

const certificate = await loadOrCreateCertificate('.sandbox');
console.log(`Sandbox certificate: ${certificate.certPath}`);
