import { useEffect, useState } from 'react';
import { api } from '../../../app/api';
import { AutoLockPanel } from '../../about/components/AutoLockPanel';
import { HolidaysPanel } from '../../holidays/components/HolidaysPanel';
import { CouncilPanel } from './CouncilPanel';
import { ProfilePanel } from './ProfilePanel';

/** Everything the rules read that a user can set: council profile, nation, email domain, bank holidays; and auto-lock. */
export function SettingsScreen({ isMember }: { isMember: boolean }) {
  const [refreshKey, setRefreshKey] = useState(0);
  const [inForceId, setInForceId] = useState<string | null>(null);
  const bump = () => setRefreshKey((k) => k + 1);
  useEffect(() => {
    let live = true;
    void api()
      .council.get()
      .then((r) => live && r.ok && setInForceId(r.value.settings.profileId));
    return () => {
      live = false;
    };
  }, [refreshKey]);

  return (
    <section className="screen" aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      {!isMember && (
        <p className="notice" data-testid="read-only-reason">
          You can see these council settings, but only the Member can change them: they decide the deadlines and the Monitoring
          Officer steps for every request made in the Member’s name. Auto-lock, at the end, is yours to set on this computer.
        </p>
      )}
      <CouncilPanel isMember={isMember} refreshKey={refreshKey} onSaved={bump} />
      <ProfilePanel isMember={isMember} inForceId={inForceId} refreshKey={refreshKey} onChanged={bump} />
      <HolidaysPanel readOnly={!isMember} />
      <AutoLockPanel />
    </section>
  );
}
