/**
 * A tile "map" of the Pemda: one equal square per Pemda placed roughly where it lies, so that no
 * Pemda looks more important for being larger (a choropleth of NTT would be all Sumba, Flores and
 * Timor, and Kota Kupang would vanish). Positions are (column, row) by Kemendagri code; a Pemda
 * without a position (another province, a new kabupaten) is placed after them in code order, so
 * adding a province needs no code, only better positions here when someone wants them.
 */
export const TILE_POSITIONS: Readonly<Record<string, readonly [number, number]>> = {
  // Flores, west to east, then Lembata and Alor
  "53.15": [0, 0], // Manggarai Barat
  "53.10": [1, 0], // Manggarai
  "53.19": [2, 0], // Manggarai Timur
  "53.09": [3, 0], // Ngada
  "53.16": [4, 0], // Nagekeo
  "53.08": [5, 0], // Ende
  "53.07": [6, 0], // Sikka
  "53.06": [7, 0], // Flores Timur
  "53.13": [8, 0], // Lembata
  "53.05": [9, 0], // Alor
  // Timor, north-east
  "53.03": [8, 1], // Timor Tengah Utara
  "53.04": [9, 1], // Belu
  // Sumba, west to east
  "53.18": [0, 2], // Sumba Barat Daya
  "53.12": [1, 2], // Sumba Barat
  "53.17": [2, 2], // Sumba Tengah
  "53.11": [3, 2], // Sumba Timur
  // Timor, south-west to south-east
  "53.71": [6, 2], // Kota Kupang
  "53.01": [7, 2], // Kupang
  "53.02": [8, 2], // Timor Tengah Selatan
  "53.21": [9, 2], // Malaka
  // the southern islands
  "53.20": [5, 3], // Sabu Raijua
  "53.14": [7, 3], // Rote Ndao
  // the provincial government, apart
  "53": [0, 3],
};

const COLUMNS = 10;

/** Grid positions for the given codes: known ones as above, the others in rows below them. */
export function tilePositions(codes: readonly string[]): Map<string, { column: number; row: number }> {
  const positions = new Map<string, { column: number; row: number }>();
  const taken = new Set<string>();
  let lastRow = -1;
  for (const code of codes) {
    const known = TILE_POSITIONS[code];
    if (!known) continue;
    positions.set(code, { column: known[0], row: known[1] });
    taken.add(`${known[0]},${known[1]}`);
    lastRow = Math.max(lastRow, known[1]);
  }
  let slot = (lastRow + 1) * COLUMNS;
  for (const code of [...codes].filter((c) => !positions.has(c)).sort()) {
    while (taken.has(`${slot % COLUMNS},${Math.floor(slot / COLUMNS)}`)) slot += 1;
    positions.set(code, { column: slot % COLUMNS, row: Math.floor(slot / COLUMNS) });
    slot += 1;
  }
  return positions;
}
