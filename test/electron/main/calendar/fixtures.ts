// Calendar and ModernGov fixtures, written here rather than shipped: each is the shape the real
// exporter writes (Outlook's Windows TZIDs and VTIMEZONE, Google's IANA TZIDs and UTC stamps,
// ModernGov's lower-case element names, dd/mm/yyyy dates and double-escaped ampersands).
const ics = (...lines: string[]) => lines.join('\r\n') + '\r\n';

export const OUTLOOK_ICS = ics(
  'BEGIN:VCALENDAR',
  'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
  'VERSION:2.0',
  'METHOD:PUBLISH',
  'BEGIN:VTIMEZONE',
  'TZID:GMT Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16011028T020000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:-0000',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010325T010000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
  'TZOFFSETFROM:-0000',
  'TZOFFSETTO:+0100',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:040000008200E00074C5B7101A82E00800000000D0F1A2B3C4D5E601000000000000000010000000',
  'SUMMARY;LANGUAGE=en-gb:Planning Committee',
  'DTSTART;TZID="GMT Standard Time":20270615T183000',
  'DTEND;TZID="GMT Standard Time":20270615T210000',
  'DESCRIPTION:Agenda\\n1. Apologies for absence\\n2. Minutes\\n3. Land at Mill La',
  ' ne – exempt information (para 3)\\n',
  'LOCATION:Council Chamber',
  'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:outlook-us-call',
  'SUMMARY:Call with the LGA (Washington office)',
  'DTSTART;TZID=Eastern Standard Time:20270120T200000',
  'END:VEVENT',
  'END:VCALENDAR',
);

export const GOOGLE_ICS = ics(
  'BEGIN:VCALENDAR',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'VERSION:2.0',
  'CALSCALE:GREGORIAN',
  'X-WR-TIMEZONE:Europe/London',
  'BEGIN:VEVENT',
  'DTSTART;TZID=Europe/London:20261203T100000',
  'DTEND;TZID=Europe/London:20261203T120000',
  'RRULE:FREQ=WEEKLY;COUNT=4',
  'EXDATE;TZID=Europe/London:20261210T100000',
  'UID:cabinet-weekly@google.com',
  'SUMMARY:Cabinet',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;TZID=Europe/London:20261217T140000',
  'RECURRENCE-ID;TZID=Europe/London:20261217T100000',
  'UID:cabinet-weekly@google.com',
  'SUMMARY:Cabinet (afternoon)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20270224',
  'DTEND;VALUE=DATE:20270225',
  'UID:budget-council@google.com',
  'SUMMARY:Budget Council',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART:20270701T230000Z',
  'UID:audit-summer@google.com',
  'SUMMARY:Audit Committee',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART:20270101T100000Z',
  'UID:cancelled@google.com',
  'STATUS:CANCELLED',
  'SUMMARY:Cancelled meeting',
  'END:VEVENT',
  'END:VCALENDAR',
);

export const MODERNGOV_MEETING = `<?xml version="1.0" encoding="utf-8"?>
<meeting>
  <meetingid>17355</meetingid>
  <meetingdate>02/12/2026</meetingdate>
  <meetingtime>19:00</meetingtime>
  <committeeid>142</committeeid>
  <committeetitle>Cabinet</committeetitle>
  <meetinglocation>Committee Room 1, Town Hall</meetinglocation>
  <agendaitems>
    <agendaitem>
      <agendaitemnumber>1</agendaitemnumber>
      <agendaitemtitle>Apologies for absence</agendaitemtitle>
    </agendaitem>
    <agendaitem>
      <agendaitemnumber>7</agendaitemnumber>
      <agendaitemtitle>Fees &amp;amp; Charges 2027/28</agendaitemtitle>
      <linkeddocuments>
        <linkeddoc><title>Report</title><url>https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=1</url><isrestricted>False</isrestricted></linkeddoc>
      </linkeddocuments>
    </agendaitem>
    <agendaitem>
      <agendaitemnumber>9</agendaitemnumber>
      <agendaitemtitle>Depot disposal</agendaitemtitle>
      <linkeddocuments>
        <linkeddoc><title>Report</title><url>https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=2</url><isrestricted>False</isrestricted></linkeddoc>
        <linkeddoc><title>Exempt appendix: valuation</title><url>https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=3</url><isrestricted>True</isrestricted></linkeddoc>
      </linkeddocuments>
    </agendaitem>
    <agendaitem>
      <agendaitemnumber>10</agendaitemnumber>
      <agendaitemtitle>Exclusion of the press and public</agendaitemtitle>
    </agendaitem>
  </agendaitems>
</meeting>
`;

export const MODERNGOV_LIST = `<?xml version="1.0" encoding="utf-8"?>
<getmeetings>
  <meetings>
    <meeting><meetingid>17355</meetingid><meetingdate>02/12/2026</meetingdate><meetingstatus>Confirmed</meetingstatus><committeeid>142</committeeid></meeting>
    <meeting><meetingid>17360</meetingid><meetingdate>09/12/2026</meetingdate><meetingstatus>Confirmed</meetingstatus><committeeid>150</committeeid></meeting>
  </meetings>
</getmeetings>
`;

export const MODERNGOV_COMMITTEES = `<?xml version="1.0" encoding="utf-8"?>
<committees><committee><committeeid>142</committeeid><committeetitle>Cabinet</committeetitle></committee><committee><committeeid>150</committeeid><committeetitle>Audit Committee</committeetitle></committee></committees>
`;
