import { AgencyKind } from '#libs/contracts';

export interface DemoPerson {
  name: string;
  title: string | null;
  division: string | null;
}

export interface DemoAgency {
  acronym: string;
  name: string;
  kind: AgencyKind;
  headquarters: string;
  website: string;
  people: DemoPerson[];
}

/**
 * The IATT member entities that the reference article (UNIDO news, 15 December 2020) names,
 * and the people it quotes with the titles and divisions it gives. Where the article gives
 * no title or division, none is invented. Nobody's email is invented.
 */
export const DEMO_AGENCIES: DemoAgency[] = [
  {
    acronym: 'UNCTAD',
    name: 'United Nations Conference on Trade and Development',
    kind: AgencyKind.UN_SECRETARIAT_DEPARTMENT,
    headquarters: 'Geneva',
    website: 'https://unctad.org',
    people: [{ name: 'Clovis Freire', title: null, division: null }],
  },
  {
    acronym: 'UNIDO',
    name: 'United Nations Industrial Development Organization',
    kind: AgencyKind.SPECIALIZED_AGENCY,
    headquarters: 'Vienna',
    website: 'https://www.unido.org',
    people: [
      {
        name: 'Fernando Santiago',
        title: 'Industrial Policy Officer',
        division: 'Division of Research & Industrial Policy Advice',
      },
    ],
  },
  {
    acronym: 'UNESCO',
    name: 'United Nations Educational, Scientific and Cultural Organization',
    kind: AgencyKind.SPECIALIZED_AGENCY,
    headquarters: 'Paris',
    website: 'https://www.unesco.org',
    people: [{ name: 'Kornelia Tzinova', title: 'Assistant Programme Specialist', division: null }],
  },
  {
    acronym: 'UNU-MERIT',
    name: 'United Nations University – Maastricht Economic and Social Research Institute on Innovation and Technology',
    kind: AgencyKind.RESEARCH_INSTITUTE,
    headquarters: 'Maastricht',
    website: 'https://www.merit.unu.edu',
    people: [{ name: 'Ludovico Alcorta', title: 'Professorial Fellow', division: null }],
  },
  {
    acronym: 'WIPO',
    name: 'World Intellectual Property Organization',
    kind: AgencyKind.SPECIALIZED_AGENCY,
    headquarters: 'Geneva',
    website: 'https://www.wipo.int',
    people: [{ name: 'Tamara Nanayakkara', title: null, division: null }],
  },
  {
    acronym: 'UN DESA',
    name: 'United Nations Department of Economic and Social Affairs',
    kind: AgencyKind.UN_SECRETARIAT_DEPARTMENT,
    headquarters: 'New York',
    website: 'https://www.un.org/en/desa',
    people: [],
  },
  {
    acronym: 'UNEP',
    name: 'United Nations Environment Programme',
    kind: AgencyKind.FUND_OR_PROGRAMME,
    headquarters: 'Nairobi',
    website: 'https://www.unep.org',
    people: [],
  },
  {
    acronym: 'WB',
    name: 'World Bank',
    kind: AgencyKind.WORLD_BANK_GROUP,
    headquarters: 'Washington, D.C.',
    website: 'https://www.worldbank.org',
    people: [],
  },
  {
    acronym: 'ITU',
    name: 'International Telecommunication Union',
    kind: AgencyKind.SPECIALIZED_AGENCY,
    headquarters: 'Geneva',
    website: 'https://www.itu.int',
    people: [],
  },
  {
    acronym: 'ESCWA',
    name: 'Economic and Social Commission for Western Asia',
    kind: AgencyKind.REGIONAL_COMMISSION,
    headquarters: 'Beirut',
    website: 'https://www.unescwa.org',
    people: [],
  },
  {
    acronym: 'ECA',
    name: 'Economic Commission for Africa',
    kind: AgencyKind.REGIONAL_COMMISSION,
    headquarters: 'Addis Ababa',
    website: 'https://www.uneca.org',
    people: [],
  },
  {
    acronym: 'ECLAC',
    name: 'Economic Commission for Latin America and the Caribbean',
    kind: AgencyKind.REGIONAL_COMMISSION,
    headquarters: 'Santiago',
    website: 'https://www.cepal.org',
    people: [],
  },
  {
    acronym: 'ECE',
    name: 'Economic Commission for Europe',
    kind: AgencyKind.REGIONAL_COMMISSION,
    headquarters: 'Geneva',
    website: 'https://unece.org',
    people: [],
  },
  {
    acronym: 'ESCAP',
    name: 'Economic and Social Commission for Asia and the Pacific',
    kind: AgencyKind.REGIONAL_COMMISSION,
    headquarters: 'Bangkok',
    website: 'https://www.unescap.org',
    people: [],
  },
];
