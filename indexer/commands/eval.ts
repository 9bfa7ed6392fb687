/** `tracuu eval` (stub: not implemented yet). */
export async function run(_args: string[]): Promise<number> {
  console.error('tracuu eval: not implemented yet');
  return 1;
}
