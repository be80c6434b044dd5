import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCursor } from './validation.js';

export const DEFAULT_PAGE_SIZE = 20;
/** Hard upper bound on any page, whatever the caller asks for. */
export const MAX_PAGE_SIZE = 100;

export class PageArgs {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @IsOptional()
  @IsCursor()
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  totalCount: number;
  hasNextPage: boolean;
}
