import { useRequestVolume } from '../hooks/useRequestVolume';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthName = (yyyyMm: string) => `${MONTHS[Number(yyyyMm.slice(5, 7)) - 1]} ${yyyyMm.slice(0, 4)}`;

/** R-ASK-7: the Member sees their own request volume per service and month, and is nudged when one is unusually high. */
export function RequestVolumePanel() {
  const volume = useRequestVolume();
  if (!volume) return null;
  const nudges = volume.rows.filter((r) => r.nudge);
  return (
    <section aria-labelledby="volume-heading">
      <h2 id="volume-heading">Your requests by service</h2>
      <p className="hint">
        Requests sent in each of the last six months. Officers’ time is limited: the protocols ask Members to keep requests reasonable (000
        §17.8.7).
      </p>
      {nudges.map((r) => (
        <p key={r.service} className="notice" data-testid="volume-nudge">
          {r.nudge}
        </p>
      ))}
      {volume.rows.length === 0 ? (
        <p>No requests sent in the last six months.</p>
      ) : (
        <table className="table" data-testid="volume-table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              {volume.months.map((m) => (
                <th scope="col" key={m}>
                  {monthName(m)}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {volume.rows.map((r) => (
              <tr key={r.service}>
                <th scope="row">{r.service}</th>
                {r.counts.map((c, i) => (
                  <td key={volume.months[i]}>{c}</td>
                ))}
                <td>{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
