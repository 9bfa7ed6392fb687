/** `tracuu citedby` (stub: not implemented yet). */
export async function run(_args: string[]): Promise<number> {
  console.error('tracuu citedby: not implemented yet');
  return 1;
}
