import { encodeCursor, type CursorKey, type Page } from '#libs/contracts';

/** One page of rows as a repository reads it: at most `first`, and whether more follow. */
export interface RowPage<Row> {
  rows: Row[];
  totalCount: number;
  hasNextPage: boolean;
}

/** Rows read with `LIMIT first + 1`: the extra row only says that a next page exists. */
export function rowPage<Row>(rows: Row[], first: number, totalCount: number): RowPage<Row> {
  return { rows: rows.slice(0, first), totalCount, hasNextPage: rows.length > first };
}

/** The wire page: each row as its DTO, with the cursor of its keyset key. */
export function toPage<Row, Dto>(
  page: RowPage<Row>,
  keyOf: (row: Row) => CursorKey,
  toDto: (row: Row) => Dto,
): Page<Dto> {
  return {
    edges: page.rows.map((row) => ({ cursor: encodeCursor(keyOf(row)), node: toDto(row) })),
    totalCount: page.totalCount,
    hasNextPage: page.hasNextPage,
  };
}
