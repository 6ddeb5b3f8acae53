// The attack table these tests print: attack, variants, refused or detected, silent, crashed, lost.
export interface AttackRow {
  tried: number;
  caught: number;
  silent: number;
  crashed: number;
  lost: number;
}

export function attackTable() {
  const rows = new Map<string, AttackRow>();
  return {
    rows,
    add(attack: string, outcome: { caught: boolean; crashed?: boolean; lost?: number }) {
      const row = rows.get(attack) ?? { tried: 0, caught: 0, silent: 0, crashed: 0, lost: 0 };
      row.tried++;
      if (outcome.crashed) row.crashed++;
      else if (outcome.caught) row.caught++;
      else row.silent++;
      row.lost += outcome.lost ?? 0;
      rows.set(attack, row);
    },
    print(): string {
      const lines = [...rows].map(([a, r]) => `| ${a} | ${r.tried} | ${r.caught} | ${r.silent} | ${r.crashed} | ${r.lost} |`);
      return ['| attack | variants | refused or detected | silent | crashed | lost |', ...lines].join('\n');
    },
  };
}
