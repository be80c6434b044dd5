import { ResourceType } from '#libs/contracts';

export interface DemoMaterial {
  title: string;
  summary: string;
  body?: string;
  type: ResourceType;
  /** Which pilot training (0, 1, 2) it belongs to, with its session; none for series-wide material. */
  training?: number;
  agencies: string[];
  topics: string[];
  sdgs: number[];
  publishedOn: string;
}

const MARK = 'Demo material, invented for Convene: not a real publication.';

/** Materials of the 2020 pilot series. INVENTED: the article names no materials. */
export const PILOT_MATERIALS: DemoMaterial[] = [
  {
    title: 'Slides: STI policy for the SDGs and the role of SDG 9',
    summary: `Concepts and frameworks for STI policy for the SDGs, and how industrialization, innovation and infrastructure connect to the other goals. ${MARK}`,
    type: ResourceType.TRAINING_MATERIAL,
    training: 0,
    agencies: ['UNIDO', 'UNU-MERIT'],
    topics: ['STI policy', 'STI policy formulation'],
    sdgs: [9, 17],
    publishedOn: '2020-11-10',
  },
  {
    title: 'Recording: STI roadmaps, case studies and technology transfer',
    summary: `Recording of the second pilot session on STI for SDGs roadmaps, case studies, technology transfer and intellectual property. ${MARK}`,
    type: ResourceType.RECORDING,
    training: 1,
    agencies: ['UNCTAD', 'WIPO'],
    topics: ['STI roadmaps', 'Technology transfer', 'Intellectual property'],
    sdgs: [9, 17],
    publishedOn: '2020-11-25',
  },
  {
    title: 'Slides: multi-stakeholder partnerships for inclusive STI policy',
    summary: `Multi-stakeholder engagement and inclusive, open and socially equitable STI policy. ${MARK}`,
    type: ResourceType.TRAINING_MATERIAL,
    training: 2,
    agencies: ['UNESCO'],
    topics: ['Multi-stakeholder engagement', 'Inclusive and open STI policy'],
    sdgs: [9, 17],
    publishedOn: '2020-12-03',
  },
  {
    title: 'STI for SDGs case-study guide',
    summary: `How policymakers can conduct STI for SDG case studies, from scoping to policy recommendations. ${MARK}`,
    body:
      'A case study maps the national innovation system, the policies that shape it and their results for the SDGs. ' +
      'It draws on the conceptual and practical knowledge of the agencies of the task team.',
    type: ResourceType.CASE_STUDY,
    agencies: ['UNCTAD', 'UNU-MERIT'],
    topics: ['STI policy implementation', 'STI policy monitoring and evaluation'],
    sdgs: [9, 17],
    publishedOn: '2020-12-15',
  },
  {
    title: 'STI for SDGs roadmap toolkit',
    summary: `Step-by-step toolkit for preparing STI for SDGs roadmaps. ${MARK}`,
    type: ResourceType.TOOLKIT,
    agencies: ['UN DESA', 'UNCTAD', 'UNESCO'],
    topics: ['STI for SDGs roadmaps', 'R&D and innovation for sustainable development'],
    sdgs: [9, 17],
    publishedOn: '2020-12-15',
  },
];
