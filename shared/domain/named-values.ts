// A closed set of values and the words shown for each, written once: the values (in the order
// written) are the keys of the names. Each value used to be written twice, in a list and in its
// names, and the two could drift apart.

/** The keys of `names`, in order, typed as a non-empty tuple so `z.enum` accepts them. */
export const valuesOf = <N extends Record<string, string>>(names: N) => Object.keys(names) as [keyof N & string, ...(keyof N & string)[]];
