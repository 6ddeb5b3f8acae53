import { useRead } from '../../../db/useRead';
import { AutoLockPanel } from '../../about/components/AutoLockPanel';
import { HolidaysPanel } from '../../holidays/components/HolidaysPanel';
import { CouncilPanel } from './CouncilPanel';
import { ProfilePanel } from './ProfilePanel';

/** Everything the rules read that a user can set: council profile, nation, email domain, bank holidays; and auto-lock. */
export function SettingsScreen({ isMember }: { isMember: boolean }) {
  // The same stored read as the council panel and the New request form: a save here reaches them all.
  const { data: council, reload } = useRead('council:get', undefined, { refreshOn: ['council-settings', 'council-profile'] });
  const inForceId = council?.settings.profileId ?? null;
  const bump = () => void reload();

  return (
    <section className="screen" aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      {!isMember && (
        <p className="notice" data-testid="read-only-reason">
          You can see these council settings, but only the Member can change them: they decide the deadlines and the Monitoring Officer
          steps for every request made in the Member’s name. Auto-lock, at the end, is yours to set on this computer.
        </p>
      )}
      <CouncilPanel isMember={isMember} onSaved={bump} />
      <ProfilePanel isMember={isMember} inForceId={inForceId} onChanged={bump} />
      <HolidaysPanel readOnly={!isMember} />
      <AutoLockPanel />
    </section>
  );
}
