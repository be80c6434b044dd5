import { AssignmentRole, ParticipantKind, TrainingFormat, TrainingKind } from '#libs/contracts';

/**
 * The 2020 pilot online training of Work Stream 6, as the reference article tells it: three
 * online sessions in November and early December 2020 that UNIDO helped organize, delivered by
 * officials of more than 10 agencies, with over 70 participants from 28 countries and 40
 * representatives of UN bodies, and a hybrid follow-up with in-person sessions later.
 *
 * INVENTED for the demo, because the article does not say: the exact dates and times, the
 * session titles, which agency trained in which session, every participant (names, ministries,
 * who attended what; emails use the reserved example.org domain), individual feedback, and
 * the follow-up's title.
 */
export const PILOT_SERIES = {
  title: 'Pilot online training on STI for the SDGs (2020)',
  description:
    'Three pilot online training workshops of IATT Work Stream 6 to build national capacity on science, ' +
    'technology and innovation for the SDGs. Demo data: dates, session titles and participants are invented.',
};

export interface DemoAssignment {
  acronym: string;
  role: AssignmentRole;
  /** A person of that agency, by name. */
  person?: string;
}

export interface DemoTraining {
  title: string;
  startsAt: string;
  endsAt: string;
  assignments: DemoAssignment[];
}

const CONVENING: DemoAssignment[] = [
  { acronym: 'UNESCO', role: AssignmentRole.CONVENER, person: 'Kornelia Tzinova' },
  { acronym: 'UNCTAD', role: AssignmentRole.CO_CONVENER, person: 'Clovis Freire' },
  { acronym: 'UNIDO', role: AssignmentRole.ORGANIZER, person: 'Fernando Santiago' },
];

const trainers = (...acronyms: string[]): DemoAssignment[] =>
  acronyms.map((acronym) => ({ acronym, role: AssignmentRole.TRAINER }));

export const PILOT_TRAININGS: DemoTraining[] = [
  {
    title: 'STI policy for the SDGs: concepts, frameworks and the role of SDG 9',
    startsAt: '2020-11-10T13:00:00Z',
    endsAt: '2020-11-10T15:30:00Z',
    assignments: [
      ...CONVENING,
      { acronym: 'UNU-MERIT', role: AssignmentRole.TRAINER, person: 'Ludovico Alcorta' },
      { acronym: 'UNIDO', role: AssignmentRole.TRAINER, person: 'Fernando Santiago' },
      ...trainers('UN DESA', 'WB'),
    ],
  },
  {
    title: 'STI for SDGs roadmaps, case studies and technology transfer',
    startsAt: '2020-11-24T13:00:00Z',
    endsAt: '2020-11-24T15:30:00Z',
    assignments: [
      ...CONVENING,
      { acronym: 'WIPO', role: AssignmentRole.TRAINER, person: 'Tamara Nanayakkara' },
      { acronym: 'UNCTAD', role: AssignmentRole.TRAINER, person: 'Clovis Freire' },
      ...trainers('ITU', 'ESCAP'),
    ],
  },
  {
    title: 'Multi-stakeholder partnerships and inclusive, open STI policy',
    startsAt: '2020-12-03T13:00:00Z',
    endsAt: '2020-12-03T15:30:00Z',
    assignments: [
      ...CONVENING,
      { acronym: 'UNESCO', role: AssignmentRole.TRAINER, person: 'Kornelia Tzinova' },
      ...trainers('UNEP', 'ECA'),
    ],
  },
];

export const PILOT_TRAINING_DETAILS = {
  kind: TrainingKind.TRAINING_WORKSHOP,
  format: TrainingFormat.ONLINE,
  topics: ['STI policy', 'STI for SDGs roadmaps', 'Multi-stakeholder engagement'],
  sdgs: [9, 17],
  targetAudience: 'Policymakers and key STI managers from developing countries',
  timeZone: 'Europe/Vienna',
};

export const FOLLOW_UP = {
  title: 'In-person deep dive on STI for SDGs roadmaps (2021)',
  description:
    'Hybrid model: after the brief online awareness sessions of 2020, a deeper, more interactive ' +
    'in-person session. Demo data: title invented; dates and venue not yet set.',
  kind: TrainingKind.TRAINING_WORKSHOP,
  format: TrainingFormat.IN_PERSON,
  topics: ['STI for SDGs roadmaps'],
  sdgs: [9, 17],
};

/** The future topics participants suggested, as the article lists them. */
export const SUGGESTED_TOPICS = [
  'STI policy formulation',
  'STI policy implementation',
  'STI policy monitoring and evaluation',
  'Multi-stakeholder engagement',
  'Technology transfer',
  'Intellectual property',
  'STI roadmaps',
  'R&D and innovation for sustainable development',
];

const COUNTRIES = [
  'KE',
  'NG',
  'GH',
  'ET',
  'SN',
  'ZA',
  'EG',
  'MA',
  'TN',
  'UG',
  'TZ',
  'RW',
  'IN',
  'BD',
  'LK',
  'PK',
  'ID',
  'PH',
  'VN',
  'TH',
  'MN',
  'BR',
  'CO',
  'PE',
  'MX',
  'AR',
  'JO',
  'LB',
];
const FIRST_NAMES = [
  'Amina',
  'Kwame',
  'Lucia',
  'Rahul',
  'Nguyen',
  'Fatima',
  'Joao',
  'Sari',
  'Tomas',
  'Aisha',
  'Dinh',
  'Maria',
];
const LAST_NAMES = [
  'Diallo',
  'Mensah',
  'Okafor',
  'Mehta',
  'Tran',
  'Haddad',
  'Silva',
  'Wijaya',
  'Rojas',
  'Banda',
  'Perera',
  'Kariuki',
];
const UN_BODIES = ['UNDP', 'UNFCCC', 'FAO', 'UN Women', 'UNICEF', 'ILO', 'UN-Habitat', 'UNFPA'];

export interface DemoParticipant {
  name: string;
  organization: string;
  country: string;
  kind: ParticipantKind;
  email: string;
  /** Which of the three pilot trainings (0, 1, 2) the participant registered for. */
  trainings: number[];
}

/** 72 participants from 28 countries and 40 UN representatives, each in one to three sessions. */
export function pilotParticipants(): DemoParticipant[] {
  const participants: DemoParticipant[] = [];
  for (let index = 0; index < 112; index += 1) {
    const unRepresentative = index >= 72;
    const name = `${FIRST_NAMES[index % 12]} ${LAST_NAMES[Math.floor(index / 12) % 12]}`;
    const country = COUNTRIES[index % COUNTRIES.length] ?? 'KE';
    participants.push({
      name,
      organization: unRepresentative
        ? `${UN_BODIES[index % UN_BODIES.length]} country office`
        : index % 2 === 0
          ? 'Ministry of Science, Technology and Innovation'
          : 'National Council for Science and Technology',
      country,
      kind: unRepresentative
        ? ParticipantKind.UN_REPRESENTATIVE
        : index % 5 === 4
          ? ParticipantKind.OTHER
          : ParticipantKind.GOVERNMENT_OFFICIAL,
      email: `participant${String(index + 1).padStart(3, '0')}@example.org`,
      trainings: [[0], [1], [2], [0, 1], [1, 2], [0, 1, 2]][index % 6] ?? [0],
    });
  }
  return participants;
}
