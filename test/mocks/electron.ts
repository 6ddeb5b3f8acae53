// Placeholder until the foundation's electron mock lands (see issue 2).
export {};
