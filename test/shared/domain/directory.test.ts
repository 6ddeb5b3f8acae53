import { describe, expect, it } from 'vitest';
import { agendaItemProblem, droppedItemProblems, isRetired, officerSchema, offeredForNewChoices } from '../../../shared/domain/directory';

describe('retired officers and meetings', () => {
  it('are left out of new choices and kept everywhere else, in order', () => {
    const list = [{ id: 'a' }, { id: 'b', retiredOn: '2026-11-20' }, { id: 'c' }];
    expect(offeredForNewChoices(list).map((r) => r.id)).toEqual(['a', 'c']);
    expect(list.filter(isRetired).map((r) => r.id)).toEqual(['b']);
  });

  it('a retirement date must be a real date', () => {
    const officer = { id: 'o', name: 'Sam Green', service: 'Estates', role: 'Head', seniority: 'director', email: 's@x.gov.uk' };
    expect(officerSchema.safeParse({ ...officer, retiredOn: '2026-02-31' }).success).toBe(false);
    expect(officerSchema.safeParse({ ...officer, retiredOn: '2026-02-28' }).success).toBe(true);
  });
});

describe('R-ASK-2 changing a meeting keeps the agenda items requests name and the private ones', () => {
  const before = { agendaItems: ['Item 1: minutes', 'Item 7: land', 'Item 9: depot'], privateItems: ['Item 7: land'] };

  it('adding, reordering and dropping an unused item are fine', () => {
    expect(droppedItemProblems(before, ['Item 9: depot', 'Item 7: land', 'Item 10: budget'], new Map([['Item 9: depot', 2]]))).toEqual([]);
  });

  it('dropping or renaming a named item says which and how many requests; a private item says why', () => {
    expect(droppedItemProblems(before, ['Item 1: minutes', 'Item 9: depot sale'], new Map([['Item 9: depot', 2]]))).toEqual([
      '“Item 7: land” cannot be removed or renamed: it is taken in private (pink papers), so a private session needs it.',
      '“Item 9: depot” cannot be removed or renamed: 2 requests name it. Keep it as it is; you can add other items.',
    ]);
    expect(droppedItemProblems(before, ['Item 7: land'], new Map([['Item 1: minutes', 1]]))[0]).toMatch(/1 request names it\./);
  });
});

describe('R-ASK-2 an agenda item named with a meeting is one of its items', () => {
  const meeting = { committee: 'Cabinet', date: '2026-12-02', agendaItems: ['Item 9: depot disposal'] };
  it('accepts one of its items or none, and names the meeting for any other', () => {
    expect(agendaItemProblem(meeting, 'Item 9: depot disposal')).toBeNull();
    expect(agendaItemProblem(meeting, null)).toBeNull();
    expect(agendaItemProblem(meeting, 'Item 10')).toBe(
      '“Item 10” is not on the agenda of the Cabinet meeting of 02/12/2026. Choose one of its items.',
    );
  });
});
