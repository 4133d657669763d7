import { DesignError, loadDesign, type LoadedDesign } from '../../host/services/design-files.ts';
import { UsageError } from '../exit.ts';

/** Loads a design, turning every problem with it into a usage error (exit 2) that says where. */
export async function loadOrExplain(file: string): Promise<LoadedDesign> {
  try {
    return await loadDesign(file);
  } catch (e) {
    if (e instanceof DesignError)
      throw new UsageError(`${file} is not a usable design:\n${e.message}`);
    throw e;
  }
}
