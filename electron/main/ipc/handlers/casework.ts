import { isVisibleInMode } from '../../../../shared/domain/protection';
import { AppError } from '../../../../shared/ipc/errors';
import type { Handlers } from '../router';
import type { CaseworkService } from '../../services/casework-service';
import type { CouncilSettingsService } from '../../services/council-settings-service';
import type { DisclosureService } from '../../services/disclosure-service';
import type { MeetingModeService } from '../../services/meeting-mode-service';
import type { SessionService } from '../../services/session-service';
import type { OpenVault } from '../../services/vault-gateway';
import { BUILT_IN_PROFILES } from '../../../../shared/domain/profiles';
import type { GateEvent } from '../../../../shared/domain/disclosure';
import type { MaterialLifecycleChannel } from './materials';

type CaseworkChannels = Exclude<
  Extract<
    keyof Handlers,
    `officers:${string}` | `holidays:${string}` | `meetings:${string}` | `requests:${string}` | `materials:${string}` | `disclosures:${string}` | 'audit:trail' | 'dashboard:get' | `council:${string}` | `meeting:${string}`
  >,
  MaterialLifecycleChannel
>;

export function caseworkHandlers(
  session: SessionService<OpenVault>,
  casework: CaseworkService,
  disclosures: DisclosureService,
  council: CouncilSettingsService,
  meetingMode: MeetingModeService,
): Pick<Handlers, CaseworkChannels> {
  const councilView = () => {
    session.requireVault();
    return {
      settings: council.get(),
      profile: council.profile(),
      // The screens preview due dates with the same holiday edits main saves them with.
      holidayEdits: council.holidayEdits(),
      profiles: [...Object.values(BUILT_IN_PROFILES).filter((p) => !p.id.startsWith('foi')), ...council.customProfiles()].map((p) => ({ id: p.id, name: p.name })),
    };
  };
  return {
    'officers:list': () => casework.officers(),
    'officers:save': (input) => casework.saveOfficer(input),
    'officers:warning': ({ officerId }) => ({ warning: casework.officerWarning(officerId) }),
    'meetings:list': () => casework.meetings(),
    'meetings:save': (input) => casework.saveMeeting(input),
    'requests:list': ({ offset, limit }) => casework.requestsPage(offset, limit),
    'requests:get': ({ id }) => casework.detail(id),
    'requests:create': (draft) => casework.createRequest(draft),
    'requests:logEvent': ({ id, event }) => casework.logEvent(id, event),
    'requests:markChairNoticeSent': ({ id, on }) => casework.markChairNoticeSent(id, on),
    'materials:add': (input) => casework.addMaterial(input),
    'materials:view': ({ id }) => {
      const material = casework.material(id);
      // R-USE-1: enforced here too, so nothing protected leaves main while the public can see the screen.
      if (!isVisibleInMode(material, meetingMode.get())) throw new AppError('forbidden', 'Hidden in the current meeting mode.');
      return casework.viewMaterial(id);
    },
    'disclosures:start': ({ materialId }) => disclosures.start(materialId),
    'disclosures:list': () => disclosures.list(),
    'disclosures:advance': ({ id, event }) => disclosures.advance(id, event as GateEvent),
    'disclosures:register': () => disclosures.register(),
    'audit:trail': ({ recordId }) => disclosures.auditTrail(recordId),
    'dashboard:get': () => casework.dashboard(),
    'council:get': () => councilView(),
    'council:set': (settings) => {
      session.requireMember();
      council.set(settings);
      return councilView();
    },
    'holidays:get': () => {
      session.requireVault();
      return council.holidayEdits();
    },
    'holidays:preview': (edits) => casework.affectedByHolidays(edits),
    'holidays:save': ({ edits, recompute }) => {
      session.requireMember();
      const saved = council.setHolidayEdits(edits);
      return { edits: saved, recomputed: casework.recomputeDueDates(recompute, saved) };
    },
    'meeting:setMode': (mode) => meetingMode.set(mode),
    'meeting:getMode': () => meetingMode.get(),
  };
}
