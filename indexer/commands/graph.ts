/** `tracuu graph` (stub: not implemented yet). */
export async function run(_args: string[]): Promise<number> {
  console.error('tracuu graph: not implemented yet');
  return 1;
}
