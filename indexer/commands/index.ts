/** `tracuu index` (stub: not implemented yet). */
export async function run(_args: string[]): Promise<number> {
  console.error('tracuu index: not implemented yet');
  return 1;
}
