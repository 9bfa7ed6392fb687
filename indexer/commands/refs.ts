/** `tracuu refs` (stub: not implemented yet). */
export async function run(_args: string[]): Promise<number> {
  console.error('tracuu refs: not implemented yet');
  return 1;
}
