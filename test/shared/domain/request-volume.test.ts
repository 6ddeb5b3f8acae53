import { describe, expect, it } from 'vitest';
import { requestVolumeByMonth, volumeNudgeFor } from '../../../shared/domain/request-volume';

const many = (service: string, dates: string[]) => dates.map((sentOn) => ({ service, sentOn }));

describe('the Member’s own request volume', () => {
  it('R-ASK-7 counts requests per service for each of the last six calendar months, busiest first', () => {
    const volume = requestVolumeByMonth(
      [
        ...many('Highways', ['2026-06-01', '2026-06-30', '2026-11-02', '2026-11-24']),
        ...many('Planning', ['2026-07-15']),
        ...many('Estates', ['2026-05-31', '2026-11-25']), // before the window, and after today
      ],
      '2026-11-24',
    );
    expect(volume.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(volume.rows).toEqual([
      { service: 'Highways', counts: [2, 0, 0, 0, 0, 2], total: 4, nudge: null },
      { service: 'Planning', counts: [0, 1, 0, 0, 0, 0], total: 1, nudge: null },
    ]);
  });

  it('R-ASK-7 months cross the turn of the year', () => {
    expect(requestVolumeByMonth([], '2027-02-10').months).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('R-ASK-7 carries the nudge when a service gets at least 5 and more than twice the usual', () => {
    const busy = many('Highways', ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-16', '2026-11-17']);
    const volume = requestVolumeByMonth([...busy, ...many('Planning', ['2026-11-20'])], '2026-11-24');
    expect(volume.rows[0]).toMatchObject({ service: 'Highways', total: 6, nudge: expect.stringMatching(/6 requests to Highways/) });
    expect(volume.rows[1]!.nudge).toBeNull();
    expect(volumeNudgeFor([...busy], 'Highways', '2026-11-24')).toMatch(/could some be combined/);
    expect(volumeNudgeFor(busy.slice(0, 4), 'Highways', '2026-11-24')).toBeNull(); // 4 is below the floor of 5
    expect(volumeNudgeFor(busy, 'Planning', '2026-11-24')).toBeNull();
    expect(volumeNudgeFor(busy, '', '2026-11-24')).toBeNull();
  });

  it('R-ASK-7 a steady high volume is usual for that service and does not nudge', () => {
    const steady = ['05', '06', '07', '08', '09', '10', '11'].flatMap((m) =>
      many(
        'Housing',
        [1, 2, 3, 4, 5, 6].map((d) => `2026-${m}-0${d}`),
      ),
    );
    expect(volumeNudgeFor(steady, 'Housing', '2026-11-24')).toBeNull();
  });
});
