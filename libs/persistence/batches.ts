/** One answer per id, in the order asked, null where no row has that id: what a DataLoader expects. */
export function alignByIds<Row extends { id: string }, Dto>(
  ids: string[],
  rows: Row[],
  toDto: (row: Row) => Dto,
): (Dto | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    return row ? toDto(row) : null;
  });
}

/** One list per key, in the order asked; a row lands in the list of every key it has. */
export function groupByKeys<Row, Dto>(
  keys: string[],
  rows: Row[],
  keysOf: (row: Row) => string | string[],
  toDto: (row: Row) => Dto,
): Dto[][] {
  const groups = new Map<string, Dto[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    const rowKeys = keysOf(row);
    const dto = toDto(row);
    for (const key of Array.isArray(rowKeys) ? rowKeys : [rowKeys]) groups.get(key)?.push(dto);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
