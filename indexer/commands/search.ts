/** `tracuu search` (stub: not implemented yet). */
export async function run(_args: string[]): Promise<number> {
  console.error('tracuu search: not implemented yet');
  return 1;
}
