// Hostile calendar and ModernGov files, shared by the worker tests and the stress child.

/** An event repeating every second since 2020: walking it to the window would take hours. */
export const ICS_EVERY_SECOND =
  'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:tick\r\nSUMMARY:Tick\r\nDTSTART:20200101T000000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

/**
 * A few KB that would take minutes with today 2026-11-28: events repeating every minute for the 34
 * days before the window opens, each just under the walk limit and none in the window, so no limit
 * inside the parse stops them; only the time limit does.
 */
export function icsTimeBomb(events = 200): string {
  const event = (i: number) =>
    `BEGIN:VEVENT\r\nUID:bomb-${i}\r\nSUMMARY:Tick ${i}\r\nDTSTART:20260920T000000Z\r\nRRULE:FREQ=MINUTELY;UNTIL=20261024T000000Z\r\nEND:VEVENT\r\n`;
  return `BEGIN:VCALENDAR\r\n${Array.from({ length: events }, (_, i) => event(i)).join('')}END:VCALENDAR\r\n`;
}

/** Just under 5 MB of weekly events: tens of thousands of events, millions of meetings if expanded. */
export function icsFlood(): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < 4.9 * 1024 * 1024; i++) {
    const event = `BEGIN:VEVENT\r\nUID:flood-${i}\r\nSUMMARY:Committee ${i}\r\nDTSTART:20270101T100000Z\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n`;
    parts.push(event);
    length += event.length;
  }
  return `BEGIN:VCALENDAR\r\n${parts.join('')}END:VCALENDAR\r\n`;
}

/** Just under 5 MB of ModernGov meetings, each with agenda items. */
export function modernGovFlood(): string {
  const parts: string[] = ['<GetMeetings>'];
  let length = 0;
  for (let i = 0; length < 4.9 * 1024 * 1024; i++) {
    const meeting = `<meeting><meetingid>${i}</meetingid><meetingdate>01/01/2027</meetingdate><agendaitems><agendaitem><agendaitemnumber>1</agendaitemnumber><agendaitemtitle>Item</agendaitemtitle></agendaitem></agendaitems></meeting>`;
    parts.push(meeting);
    length += meeting.length;
  }
  parts.push('</GetMeetings>');
  return parts.join('');
}

/** The classic entity-expansion attack ("billion laughs"). */
export const XML_LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from(
  { length: 9 },
  (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
).join('')}]><GetMeetings><meeting><meetingid>1</meetingid><meetingdate>&lol9;</meetingdate></meeting></GetMeetings>`;

/** Elements nested 200,000 deep. */
export const XML_DEEP = '<meeting>'.repeat(200_000) + '</meeting>'.repeat(200_000);
