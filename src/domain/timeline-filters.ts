/** The operation filter links of the timeline pages. */
import type { Operation } from './schema.ts';

export interface TimelineFilter {
  href: string;
  label: string;
  current: boolean;
}

/** `/timeline/<operation-id>/`: the timeline of one operation's stories. */
export function timelinePath(operationId?: string): string {
  return operationId === undefined ? '/timeline/' : `/timeline/${encodeURIComponent(operationId)}/`;
}

/** 'All operations' plus one link per operation; `current` marks the page being shown. */
export function timelineFilters(operations: readonly Operation[], currentId?: string): TimelineFilter[] {
  return [
    { href: timelinePath(), label: 'All operations', current: currentId === undefined },
    ...operations.map((operation) => ({ href: timelinePath(operation.id), label: operation.name, current: operation.id === currentId })),
  ];
}
