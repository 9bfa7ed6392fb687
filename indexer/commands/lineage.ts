/** `tracuu lineage` (stub: not implemented yet). */
export async function run(_args: string[]): Promise<number> {
  console.error('tracuu lineage: not implemented yet');
  return 1;
}
