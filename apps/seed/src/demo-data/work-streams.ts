export interface DemoWorkStream {
  number: number;
  title: string;
  mandate: string;
  convenerAcronyms: string[];
  memberAcronyms: string[];
}

/**
 * Work Stream 6 as the reference article describes it: jointly convened by UNESCO and
 * UNCTAD, responsible for capacity building on STI for the SDGs. The article says officials
 * of more than 10 agencies joined forces under it; which ones is invented here from the
 * IATT members it names.
 */
export const DEMO_WORK_STREAMS: DemoWorkStream[] = [
  {
    number: 6,
    title: 'Capacity building on STI for the SDGs',
    mandate:
      'Designing and delivering training courses and workshops on STI policy that target policymakers ' +
      'and key STI managers from developing countries.',
    convenerAcronyms: ['UNESCO', 'UNCTAD'],
    memberAcronyms: [
      'UNIDO',
      'UNU-MERIT',
      'WIPO',
      'UN DESA',
      'UNEP',
      'WB',
      'ITU',
      'ESCWA',
      'ECA',
      'ECLAC',
      'ECE',
      'ESCAP',
    ],
  },
];
