// The words councillors meet in this app, in plain English: listed in the help panel and opened
// in place by a small "What is this?" beside the word wherever a form uses it.
import { useId, useState } from 'react';

export interface GlossaryEntry {
  term: string;
  meaning: string;
}

export const GLOSSARY = {
  'pink-paper': {
    term: 'Pink paper',
    meaning:
      'A committee report (often printed on pink paper) that is kept from the press and public because it holds exempt information. It stays confidential until the committee resolves to make it public.',
  },
  exempt: {
    term: 'Exempt information and Schedule 12A',
    meaning:
      'Schedule 12A to the Local Government Act 1972 lists seven kinds of information a council may keep out of public meetings, such as information about a person, someone’s finances, or legal advice. Information of those kinds is “exempt”. You may be given it to do your job, but you must not pass it on.',
  },
  s100f: {
    term: 's.100F',
    meaning:
      'Section 100F of the Local Government Act 1972 gives every Member the right to inspect papers about business at a meeting, including most exempt papers, subject to some exceptions. That is why a request can be linked to a meeting and an agenda item.',
  },
  'need-to-know': {
    term: 'Need to know',
    meaning:
      'A Member may see council information they reasonably need to do their duties as a Member (the common-law “need to know”). Curiosity or a political interest is not enough: say which duty it serves and exactly what you need.',
  },
  grounds: {
    term: 'Grounds (a) to (d) for passing information on',
    meaning:
      'Confidential information may be passed on only if (a) the person it concerns consents; (b) the law requires it; (c) it is to a professional adviser who keeps it confidential; or (d) it is reasonable, in the public interest, in good faith and in line with the council’s requirements, after consulting the Monitoring Officer.',
  },
  'monitoring-officer': {
    term: 'Monitoring Officer',
    meaning:
      'The council officer responsible for lawfulness and the Members’ code of conduct. They decide disputed “need to know” requests and must be consulted before confidential information is passed on in the public interest.',
  },
  'working-days': {
    term: 'Working days',
    meaning:
      'Monday to Friday, leaving out bank holidays for your nation (and any the council does not keep or adds). The day a request is sent is day 0, so “10 working days” counts from the next working day.',
  },
  'holding-reply': {
    term: 'Holding reply',
    meaning:
      'An officer’s message saying the answer will take longer, what is happening and when to expect it. The date promised becomes the new target for the request.',
  },
  'special-category': {
    term: 'Special category personal data',
    meaning:
      'Personal information that needs extra care under UK GDPR Article 9: about someone’s health, racial or ethnic origin, religious or philosophical beliefs, political opinions, trade union membership, sex life or sexual orientation, and genetic or biometric data. Keep it only as long as your duties need it, and give a date to erase it by.',
  },
} satisfies Record<string, GlossaryEntry>;

export type GlossaryTerm = keyof typeof GLOSSARY;

/** Asks the help panel to open at one term (the shell listens). */
export const HELP_EVENT = 'ntk:open-help';
export function openHelp(term?: GlossaryTerm) {
  window.dispatchEvent(new CustomEvent(HELP_EVENT, { detail: term ?? null }));
}

/** "What is this?" beside a word: the plain meaning in place, and a way to the full glossary. */
export function Glossary({ term, label }: { term: GlossaryTerm; label?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const entry = GLOSSARY[term];
  return (
    <span className="glossary-tip">
      <button type="button" className="link" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {label ?? 'What is this?'}
        <span className="visually-hidden"> ({entry.term})</span>
      </button>
      <span id={id} hidden={!open} className="glossary-meaning" role="note">
        <strong>{entry.term}:</strong> {entry.meaning}{' '}
        <button type="button" className="link" onClick={() => openHelp(term)}>
          All terms
        </button>
      </span>
    </span>
  );
}

/** The whole glossary, for the help panel. */
export function GlossaryList({ highlight }: { highlight?: GlossaryTerm | null }) {
  return (
    <dl className="glossary">
      {(Object.keys(GLOSSARY) as GlossaryTerm[]).map((k) => (
        <div key={k} id={`glossary-${k}`} className={highlight === k ? 'glossary-highlight' : undefined}>
          <dt>{GLOSSARY[k].term}</dt>
          <dd>{GLOSSARY[k].meaning}</dd>
        </div>
      ))}
    </dl>
  );
}
