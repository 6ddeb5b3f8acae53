import { afterEach, describe, expect, it } from 'vitest';
import { dueDatesForRequest } from '../../../shared/domain/deadlines';
import { draft, seededCase } from '../support/core';

describe('what the New request screen previews is what main saves', () => {
  let dispose: (() => void) | undefined;
  afterEach(() => dispose?.());

  it.each(['need-to-know', 'foi'])(
    'R-DUE-1 R-DUE-2: %s due dates with an added one-off holiday are the same on screen and saved',
    async (route) => {
      const ctx = await seededCase('2026-11-24');
      dispose = () => ctx.core.dispose();
      // A one-off holiday inside the working-day window moves every deadline by a day.
      await ctx.ok('holidays:save', {
        edits: {
          added: [{ date: '2026-11-18', name: 'Royal occasion', nations: ['england-and-wales', 'scotland', 'northern-ireland'] }],
          removed: [],
        },
        recompute: [],
      });
      const council = await ctx.ok('council:get');
      expect(council.holidayEdits.added).toHaveLength(1);
      const input = draft({ officerId: ctx.officer.id, route, sentOn: '2026-11-16' });
      // The screen's preview: the domain function with what council:get returned.
      const preview = dueDatesForRequest(input as { sentOn: string; route: string }, {
        profile: council.profile,
        nation: council.settings.nation,
        holidayEdits: council.holidayEdits,
      });
      const saved = await ctx.ok('requests:create', input);
      expect(saved.row.acknowledgeBy).toBe(preview.acknowledgeBy);
      expect(saved.row.target).toBe(preview.respondBy);
      // Without the holiday the preview would differ, so this test can fail.
      const withoutHoliday = dueDatesForRequest(input as { sentOn: string; route: string }, {
        profile: council.profile,
        nation: council.settings.nation,
        holidayEdits: { added: [], removed: [] },
      });
      expect(withoutHoliday.respondBy).not.toBe(preview.respondBy);
    },
  );
});
