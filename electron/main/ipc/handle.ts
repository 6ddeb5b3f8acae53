import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { invokeChannels } from '../../../shared/ipc/contract';
import { fail } from '../../../shared/ipc/errors';
import type { Dispatch } from './router';

/** The app's own page: the custom protocol's origin, top frame only. */
export const APP_ORIGIN = 'app://need-to-know';

export function isAppFrame(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  if (!frame || frame.parent) return false;
  // A non-special scheme's URL has origin "null", so compare the prefix up to the path.
  return typeof frame.url === 'string' && frame.url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * Registers every invoke channel of the contract on ipcMain, each through the same checks:
 * the sender frame must be the app's own page, then the dispatcher validates and runs.
 */
export function handle(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, rawInput: unknown) => {
      if (!isAppFrame(event.senderFrame)) {
        return fail('forbidden', 'This request did not come from the Need to Know window and was refused.');
      }
      return dispatch(channel, rawInput);
    });
  }
}
