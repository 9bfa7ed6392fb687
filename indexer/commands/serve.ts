/** `tracuu serve` (stub: not implemented yet). */
export async function run(_args: string[]): Promise<number> {
  console.error('tracuu serve: not implemented yet');
  return 1;
}
