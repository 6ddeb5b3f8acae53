// "Today" on screen is the UK date (Europe/London), worked out by the same domain function main uses.
// The clock is injected once at start-up (tests and the harness may fix it); screens call today().
import { ukDateOf, type IsoDate } from '../../shared/domain/dates';

let now: () => Date = () => new Date();

/** Replaces the clock (tests pin 00:30 BST or 23:30 GMT with it). */
export function setClock(clock: () => Date): void {
  now = clock;
}

export const today = (): IsoDate => ukDateOf(now());
