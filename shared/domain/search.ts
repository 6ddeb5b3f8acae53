// What the requests list's search matches: the words of a request, one spelling for main (which
// sends them with each list row) and the screens (which look up what the user types the same way).

/** Lower-case words of two or more letters or digits, as search reads them. */
export const searchWordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 1);

/** The distinct words a request is found by: its reference, subject, question, notes and officer. */
export const requestSearchWords = (r: {
  reference: string;
  subject: string;
  question: string;
  notes: string;
  officerName: string;
}): string[] => [...new Set(searchWordsOf(`${r.reference} ${r.subject} ${r.question} ${r.notes} ${r.officerName}`))];
