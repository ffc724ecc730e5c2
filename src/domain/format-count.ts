/** A count as readers write it, with thousands separators: 7,324. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
