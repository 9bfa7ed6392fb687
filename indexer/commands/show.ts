/** `tracuu show` (stub: not implemented yet). */
export async function run(_args: string[]): Promise<number> {
  console.error('tracuu show: not implemented yet');
  return 1;
}
