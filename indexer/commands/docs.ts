/** `tracuu docs` (stub: not implemented yet). */
export async function run(_args: string[]): Promise<number> {
  console.error('tracuu docs: not implemented yet');
  return 1;
}
