import type { ApplicationPartV1, PartMaterialV1 } from '@onewindow/contracts';

/**
 * The part's materials as accepted. Events from before the full list carry only what is to
 * follow (容缺) and what was pledged (告知承诺); the received ones are then unknown here.
 */
export function materialsOfPart(part: ApplicationPartV1): PartMaterialV1[] {
  if (part.materials) return part.materials;
  return [
    ...part.deficiencies.map(({ materialCode, materialName, dueDate }) => ({
      materialCode,
      materialName,
      status: 'to-follow' as const,
      dueDate,
    })),
    ...part.pledges.map(({ materialCode, materialName }) => ({ materialCode, materialName, status: 'pledged' as const })),
  ];
}
