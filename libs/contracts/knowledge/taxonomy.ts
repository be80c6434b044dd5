/** The 17 Sustainable Development Goals with their official short titles. */
export const SDGS: { number: number; title: string }[] = [
  { number: 1, title: 'No poverty' },
  { number: 2, title: 'Zero hunger' },
  { number: 3, title: 'Good health and well-being' },
  { number: 4, title: 'Quality education' },
  { number: 5, title: 'Gender equality' },
  { number: 6, title: 'Clean water and sanitation' },
  { number: 7, title: 'Affordable and clean energy' },
  { number: 8, title: 'Decent work and economic growth' },
  { number: 9, title: 'Industry, innovation and infrastructure' },
  { number: 10, title: 'Reduced inequalities' },
  { number: 11, title: 'Sustainable cities and communities' },
  { number: 12, title: 'Responsible consumption and production' },
  { number: 13, title: 'Climate action' },
  { number: 14, title: 'Life below water' },
  { number: 15, title: 'Life on land' },
  { number: 16, title: 'Peace, justice and strong institutions' },
  { number: 17, title: 'Partnerships for the goals' },
];

/**
 * The STI topic vocabulary shared by trainings, feedback and knowledge resources: the future
 * topics the reference article lists, and the subjects of the 2020 pilot training.
 */
export const STI_TOPICS = [
  'STI policy',
  'STI policy formulation',
  'STI policy implementation',
  'STI policy monitoring and evaluation',
  'Multi-stakeholder engagement',
  'Technology transfer',
  'Intellectual property',
  'STI roadmaps',
  'STI for SDGs roadmaps',
  'R&D and innovation for sustainable development',
  'Inclusive and open STI policy',
];

/** Case, punctuation and spacing do not tell topics apart: "r & d" is "R&D". */
function topicKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const VOCABULARY = new Map(STI_TOPICS.map((topic) => [topicKey(topic), topic]));

/** The vocabulary's spelling of a topic, or the text itself (trimmed) when it is not in it. */
export function canonicalTopic(text: string): string {
  return VOCABULARY.get(topicKey(text)) ?? text.trim().replace(/\s+/g, ' ');
}

/** Topics in vocabulary spelling, each once, in the order given. */
export function canonicalTopics(texts: string[]): string[] {
  return [...new Set(texts.map(canonicalTopic))];
}
