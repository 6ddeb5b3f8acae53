import type { Handlers } from '../router';
import type { UserService } from '../../services/user-service';

export const userHandlers = (users: UserService): Pick<Handlers, `users:${string}` & keyof Handlers> => ({
  'users:list': () => users.list(),
  'users:addPa': ({ name, passphrase }) => users.addPa(name, passphrase),
  'users:removePa': ({ userId }) => users.removePa(userId),
  'users:changePassphrase': ({ current, next }) => users.changePassphrase(current, next),
  'users:getQuickUnlock': () => users.quickUnlockStatus(),
  'users:setQuickUnlock': ({ enabled }) => users.setQuickUnlock(enabled),
});
