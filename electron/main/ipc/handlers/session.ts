import type { Handlers } from '../router';
import type { SessionService } from '../../services/session-service';
import type { OpenVault } from '../../services/vault-gateway';

export const sessionHandlers = (session: SessionService<OpenVault>): Pick<Handlers, `session:${string}` & keyof Handlers> => ({
  'session:getState': () => session.state(),
  'session:setUp': ({ memberName, passphrase }) => session.setUp(memberName, passphrase),
  'session:unlock': ({ userId, passphrase }) => session.unlock(userId, passphrase),
  'session:quickUnlock': () => session.quickUnlock(),
  'session:lock': () => session.lock('manual'),
  'session:touch': () => session.touchFromPage(),
  'session:acknowledgeWarnings': () => session.acknowledgeWarnings(),
});
