/**
 * The words of generated incidents: ACLED event and sub-event types with how often they occur in Iraq
 * and Syria, the actors (a few dozen real ones at the head, a long generated tail to about 5,000), the
 * outlets that report incidents, and phrases for summaries.
 */
import type { ActorRole, EventType, SourceKind } from '../../src/domain/incident';

/** ACLED `inter` categories (the text form of the 2023 codebook). */
export type Inter =
  | 'State forces'
  | 'Rebel group'
  | 'Political militia'
  | 'Identity militia'
  | 'Rioters'
  | 'Protesters'
  | 'Civilians'
  | 'External/Other forces';

export interface ActorEntry {
  readonly name: string;
  readonly inter: Inter;
  /** null = either country. */
  readonly country: 'Iraq' | 'Syria' | null;
}

export interface SubEvent {
  readonly eventType: EventType;
  readonly subEventType: string;
  readonly weight: number;
  /** What actor 1 did, for the summary: "{actor1} {verb} {target} in {place}". */
  readonly verb: string;
  /** Roles of actor 1 and actor 2 in our format (ACLED actors are non-directional). */
  readonly roles: readonly [ActorRole, ActorRole];
  /** Actor 2 kind: a generic victim group, a second armed actor, or none. */
  readonly second: 'civilians' | 'armed' | 'police' | 'none';
  readonly details: readonly string[];
}

const sub = (
  eventType: EventType,
  subEventType: string,
  weight: number,
  verb: string,
  roles: readonly [ActorRole, ActorRole],
  second: SubEvent['second'],
  details: readonly string[],
): SubEvent => ({ eventType, subEventType, weight, verb, roles, second, details });

const REMOTE: readonly [ActorRole, ActorRole] = ['perpetrator', 'target'];
const PARTIES: readonly [ActorRole, ActorRole] = ['party', 'party'];

export const SUB_EVENTS: readonly SubEvent[] = [
  sub(
    'Explosions/Remote violence',
    'Shelling/artillery/missile attack',
    22,
    'shelled positions of',
    REMOTE,
    'armed',
    [
      'Several artillery and rocket rounds fell on farmland and houses on the edge of the village.',
      'Mortar rounds hit the area over about an hour, damaging a school and two homes.',
      'The shelling followed an attempted infiltration along the front line the night before.',
      'Rockets launched from the opposite bank landed near a military checkpoint.',
    ],
  ),
  sub(
    'Explosions/Remote violence',
    'Air/drone strike',
    10,
    'carried out a drone strike on',
    REMOTE,
    'armed',
    [
      'An armed drone struck a vehicle on the road leading out of the town.',
      'Warplanes struck a building said to be used as a weapons depot.',
      'The strike targeted a motorcycle carrying two men near a market.',
      'Residents reported hearing aircraft overhead for several minutes before the strike.',
    ],
  ),
  sub('Explosions/Remote violence', 'Remote explosive/landmine/IED', 8, 'targeted', REMOTE, 'armed', [
    'A roadside bomb exploded as a patrol passed on the main road.',
    'A landmine left over from earlier fighting went off under a tractor.',
    'An explosive device planted in a parked car detonated near a checkpoint.',
    'A sticky bomb attached to a vehicle exploded in a residential street.',
  ]),
  sub('Explosions/Remote violence', 'Grenade', 1, 'threw a grenade at', REMOTE, 'civilians', [
    'A hand grenade was thrown at the house of a local official.',
  ]),
  sub('Explosions/Remote violence', 'Suicide bomb', 1, 'attacked', REMOTE, 'armed', [
    'An attacker wearing an explosive belt blew himself up at the entrance of a base.',
  ]),
  sub('Battles', 'Armed clash', 18, 'clashed with', PARTIES, 'armed', [
    'Fighting with medium and heavy weapons lasted for several hours along the front line.',
    'The clash broke out after an attempted advance on a hilltop position.',
    'Gunmen attacked a checkpoint and exchanged fire with its guards before withdrawing.',
    'The two sides exchanged fire in the orchards on the outskirts of the village.',
  ]),
  sub('Battles', 'Government regains territory', 1, 'retook ground from', PARTIES, 'armed', [
    'Government forces said they had taken back a group of villages after days of fighting.',
  ]),
  sub('Battles', 'Non-state actor overtakes territory', 1, 'seized positions from', PARTIES, 'armed', [
    'The group announced that it had taken control of several positions on a strategic hill.',
  ]),
  sub('Violence against civilians', 'Attack', 7, 'attacked', REMOTE, 'civilians', [
    'Gunmen on a motorcycle opened fire on a man outside his house.',
    'The body of a shepherd was found with gunshot wounds in the desert near the town.',
    'Unidentified men shot at a car carrying a family on the highway.',
  ]),
  sub(
    'Violence against civilians',
    'Abduction/forced disappearance',
    3,
    'abducted members of',
    REMOTE,
    'civilians',
    [
      'Several young men were detained at a checkpoint and their families have had no news of them since.',
      'A trader was kidnapped on the road and his family was asked for a ransom.',
    ],
  ),
  sub('Violence against civilians', 'Sexual violence', 1, 'abused', REMOTE, 'civilians', [
    'A local human rights group documented the abuse of a woman held at a detention site.',
  ]),
  sub('Protests', 'Peaceful protest', 9, 'held a demonstration', PARTIES, 'none', [
    'Demonstrators gathered in the main square to protest power cuts and the lack of clean water.',
    'Residents demanded the release of detainees and the return of displaced families.',
    'Graduates protested unemployment in front of the governorate building.',
  ]),
  sub('Protests', 'Protest with intervention', 2, 'protested and were dispersed by', PARTIES, 'police', [
    'Security forces fired tear gas and arrested several participants.',
  ]),
  sub(
    'Protests',
    'Excessive force against protesters',
    1,
    'protested and were fired on by',
    PARTIES,
    'police',
    ['Security forces fired live ammunition to disperse the crowd.'],
  ),
  sub('Riots', 'Violent demonstration', 2, 'rioted and clashed with', PARTIES, 'police', [
    'Protesters burned tyres, closed roads and threw stones at the security forces.',
  ]),
  sub('Riots', 'Mob violence', 1, 'attacked', PARTIES, 'civilians', [
    'A crowd set fire to a shop after a dispute between two families.',
  ]),
  sub('Strategic developments', 'Arrests', 5, 'arrested members of', REMOTE, 'armed', [
    'A raid before dawn ended with the arrest of several suspects and the seizure of weapons.',
    'The suspects were handed over to the judiciary, according to a security statement.',
  ]),
  sub(
    'Strategic developments',
    'Looting/property destruction',
    2,
    'looted property of',
    REMOTE,
    'civilians',
    ['Houses of displaced families were looted and their contents sold in a nearby market.'],
  ),
  sub(
    'Strategic developments',
    'Disrupted weapons use',
    2,
    'defused explosives belonging to',
    REMOTE,
    'armed',
    ['An engineering team dismantled an explosive device found beside the road.'],
  ),
  sub('Strategic developments', 'Headquarters or base established', 1, 'set up a new base', PARTIES, 'none', [
    'Reinforcements and armoured vehicles were seen arriving at a new position.',
  ]),
  sub('Strategic developments', 'Change to group/activity', 1, 'redeployed forces facing', PARTIES, 'armed', [
    'A convoy carrying fighters and equipment moved between positions.',
  ]),
  sub('Strategic developments', 'Agreement', 1, 'reached a local agreement with', PARTIES, 'armed', [
    'Tribal elders mediated an agreement to end the dispute and exchange prisoners.',
  ]),
  sub(
    'Strategic developments',
    'Non-violent transfer of territory',
    1,
    'handed positions over to',
    PARTIES,
    'armed',
    ['The handover took place without fighting after talks between the two sides.'],
  ),
  sub('Strategic developments', 'Other', 1, 'were reported moving', PARTIES, 'none', [
    'Reports described unusual movements that could not be confirmed independently.',
  ]),
];

/** Real actors at the head of the distribution (most frequent first). */
const HEAD: readonly ActorEntry[] = [
  { name: 'Military Forces of Syria (2000-2024)', inter: 'State forces', country: 'Syria' },
  { name: 'Islamic State (Syria)', inter: 'Rebel group', country: 'Syria' },
  { name: 'Unidentified Armed Group (Syria)', inter: 'Political militia', country: 'Syria' },
  { name: 'Military Forces of Iraq (2014-)', inter: 'State forces', country: 'Iraq' },
  { name: 'Islamic State (Iraq)', inter: 'Rebel group', country: 'Iraq' },
  { name: 'Civilians (Syria)', inter: 'Civilians', country: 'Syria' },
  { name: 'Civilians (Iraq)', inter: 'Civilians', country: 'Iraq' },
  { name: 'Hayat Tahrir al-Sham', inter: 'Rebel group', country: 'Syria' },
  { name: 'QSD: Syrian Democratic Forces', inter: 'Rebel group', country: 'Syria' },
  { name: 'Military Forces of Turkey (2016-)', inter: 'External/Other forces', country: null },
  { name: 'Protesters (Iraq)', inter: 'Protesters', country: 'Iraq' },
  { name: 'Protesters (Syria)', inter: 'Protesters', country: 'Syria' },
  { name: 'Unidentified Armed Group (Iraq)', inter: 'Political militia', country: 'Iraq' },
  { name: 'Military Forces of Russia (2000-)', inter: 'External/Other forces', country: 'Syria' },
  { name: 'Popular Mobilization Forces', inter: 'State forces', country: 'Iraq' },
  { name: 'Police Forces of Iraq (2014-)', inter: 'State forces', country: 'Iraq' },
  { name: 'SNA: Syrian National Army', inter: 'Rebel group', country: 'Syria' },
  { name: 'NFL: National Front for Liberation', inter: 'Rebel group', country: 'Syria' },
  { name: 'NDF: National Defence Forces', inter: 'Political militia', country: 'Syria' },
  { name: 'PKK: Kurdistan Workers Party', inter: 'Rebel group', country: 'Iraq' },
  { name: 'Military Forces of Iraq (2014-) Peshmerga', inter: 'State forces', country: 'Iraq' },
  { name: 'Kataib Hezbollah', inter: 'Political militia', country: 'Iraq' },
  { name: 'Asaib Ahl al-Haq', inter: 'Political militia', country: 'Iraq' },
  { name: 'Hezbollah', inter: 'External/Other forces', country: 'Syria' },
  { name: 'Military Forces of the United States (2021-)', inter: 'External/Other forces', country: null },
  { name: 'Military Forces of Israel (2022-)', inter: 'External/Other forces', country: 'Syria' },
  { name: 'Police Forces of Syria (2000-2024)', inter: 'State forces', country: 'Syria' },
  { name: 'Rioters (Iraq)', inter: 'Rioters', country: 'Iraq' },
  { name: 'Rioters (Syria)', inter: 'Rioters', country: 'Syria' },
  { name: 'Saraya al-Salam', inter: 'Political militia', country: 'Iraq' },
  { name: 'Hurras al-Din', inter: 'Rebel group', country: 'Syria' },
  { name: 'Jaysh al-Izza', inter: 'Rebel group', country: 'Syria' },
  { name: 'Ahrar al-Sham', inter: 'Rebel group', country: 'Syria' },
  { name: 'Military Forces of Iran (1989-)', inter: 'External/Other forces', country: null },
  { name: 'Saraya Awliya al-Dam', inter: 'Political militia', country: 'Iraq' },
  { name: 'Harakat al-Nujaba', inter: 'Political militia', country: 'Iraq' },
  { name: 'Fourth Division', inter: 'State forces', country: 'Syria' },
  { name: 'Liwa Fatemiyoun', inter: 'Political militia', country: 'Syria' },
  { name: 'Syrian Arab Air Force', inter: 'State forces', country: 'Syria' },
  { name: 'Coalition Forces', inter: 'External/Other forces', country: null },
];

const CLANS = [
  'Al-Bu Kamil',
  'Al-Shaitat',
  'Al-Bakara',
  'Al-Ougaidat',
  'Al-Jubour',
  'Al-Dulaim',
  'Al-Obeid',
  'Shammar',
  'Al-Bu Nimr',
  'Al-Bu Fahd',
  'Al-Bu Issa',
  'Al-Hadidiyin',
  'Al-Mawali',
  'Al-Naim',
  'Al-Fadl',
  'Al-Zubaid',
  'Al-Azza',
  'Al-Karkh',
  'Al-Bu Alwan',
  'Al-Bu Mahal',
  'Al-Kubaisat',
  'Al-Janabi',
  'Al-Tamimi',
  'Al-Khazraj',
  'Al-Rabia',
  'Al-Juhaysh',
  'Al-Walda',
  'Al-Afadla',
  'Al-Bu Saraya',
  'Al-Bu Chamal',
  'Al-Marasma',
  'Al-Hasun',
  'Al-Bu Hardan',
  'Al-Kalaiyin',
  'Al-Bu Assaf',
  'Al-Bu Hamdan',
  'Al-Ghanem',
  'Al-Shuwait',
  'Al-Bu Rahma',
  'Al-Sabkha',
];
const UNITS = [
  'Shuhada',
  'Suqur',
  'Ansar',
  'Fursan',
  'Ahrar',
  'Thuwar',
  'Mujahidin',
  'Usud',
  'Nasr',
  'Fath',
  'Tawhid',
  'Furqan',
  'Qadisiya',
  'Hamza',
  'Omar',
  'Ali',
  'Abbas',
  'Hussein',
  'Zainab',
  'Sultan Murad',
  'Muntasir Billah',
  'Sham',
  'Jazira',
  'Badiya',
  'Furat',
  'Jabal',
  'Sahel',
  'Ghab',
  'Qalamoun',
  'Hawran',
  'Golan',
  'Halab',
  'Idlib',
  'Rashidin',
  'Tahrir',
  'Haqq',
  'Amal',
  'Karama',
  'Wafa',
  'Izza',
];
const UNIT_KINDS = ['Liwa', 'Katibat', 'Saraya', 'Jaysh', 'Harakat', 'Firqat', 'Tajammu', 'Kataib'] as const;

/**
 * About `size` distinct actor names: the real head first, then clan, communal and unit militias,
 * deterministic (no randomness: the same list for every seed and size ≥ the head).
 */
export function buildActors(
  size: number,
  towns: readonly { name: string; country: 'Iraq' | 'Syria' }[],
): ActorEntry[] {
  const actors: ActorEntry[] = [...HEAD];
  const seen = new Set(actors.map((a) => a.name));
  const add = (entry: ActorEntry) => {
    if (actors.length < size && !seen.has(entry.name)) {
      seen.add(entry.name);
      actors.push(entry);
    }
  };
  // Interleave the kinds so every kind appears along the whole tail.
  for (let round = 0; actors.length < size && round < 400; round++) {
    const town = towns[round % towns.length];
    const clan = CLANS[round % CLANS.length] as string;
    if (town)
      add({
        name: `${town.name} Communal Militia (${town.country})`,
        inter: 'Identity militia',
        country: town.country,
      });
    add({ name: `${clan} Clan Militia (Syria)`, inter: 'Identity militia', country: 'Syria' });
    add({ name: `${clan} Tribal Militia (Iraq)`, inter: 'Identity militia', country: 'Iraq' });
    for (let k = 0; k < UNIT_KINDS.length; k++) {
      const unit = UNITS[(round * 7 + k * 3) % UNITS.length] as string;
      const where = towns[(round * 5 + k * 11) % towns.length];
      if (!where) continue;
      const kind = UNIT_KINDS[k] as string;
      add({
        name: round < UNITS.length ? `${kind} ${unit}` : `${kind} ${unit} (${where.name})`,
        inter: where.country === 'Iraq' ? 'Political militia' : 'Rebel group',
        country: where.country,
      });
    }
    if (town)
      add({
        name: `Police Forces of ${town.country} - ${town.name} Police`,
        inter: 'State forces',
        country: town.country,
      });
    if (town)
      add({
        name: `Government of ${town.country} - ${town.name} Council`,
        inter: 'State forces',
        country: town.country,
      });
  }
  return actors;
}

export interface Outlet {
  readonly name: string;
  readonly kind: SourceKind;
  readonly country: 'Iraq' | 'Syria' | null;
  readonly weight: number;
  /** URL for an incident: `{id}` a number, `{slug}` words of the title, `{y}`, `{m}`, `{d}` the date. null = no URL. */
  readonly url: string | null;
  readonly scale: string;
}

export const OUTLETS: readonly Outlet[] = [
  {
    name: 'Syrian Observatory for Human Rights',
    kind: 'monitor',
    country: 'Syria',
    weight: 12,
    url: 'https://www.syriahr.com/en/{id}/',
    scale: 'Other-National',
  },
  {
    name: 'Shafaq News',
    kind: 'media',
    country: 'Iraq',
    weight: 10,
    url: 'https://shafaq.com/en/Security/{slug}',
    scale: 'National',
  },
  {
    name: 'Rudaw',
    kind: 'media',
    country: 'Iraq',
    weight: 5,
    url: 'https://www.rudaw.net/english/middleeast/iraq/{d}{m}{y}',
    scale: 'Subnational',
  },
  {
    name: 'Kurdistan 24',
    kind: 'media',
    country: 'Iraq',
    weight: 4,
    url: 'https://www.kurdistan24.net/en/story/{id}-{slug}',
    scale: 'Subnational',
  },
  {
    name: 'Enab Baladi',
    kind: 'media',
    country: 'Syria',
    weight: 6,
    url: 'https://english.enabbaladi.net/archives/{y}/{m}/{slug}/',
    scale: 'National',
  },
  {
    name: 'SANA',
    kind: 'official',
    country: 'Syria',
    weight: 4,
    url: 'https://sana.sy/en/?p={id}',
    scale: 'National',
  },
  {
    name: 'Iraqi News Agency',
    kind: 'official',
    country: 'Iraq',
    weight: 4,
    url: 'https://ina.iq/eng/{id}-{slug}.html',
    scale: 'National',
  },
  {
    name: 'North Press Agency',
    kind: 'media',
    country: 'Syria',
    weight: 6,
    url: 'https://npasyria.com/en/{id}/',
    scale: 'Subnational',
  },
  {
    name: 'Deir Ezzor 24',
    kind: 'media',
    country: 'Syria',
    weight: 4,
    url: 'https://deirezzor24.net/en/{id}',
    scale: 'Subnational',
  },
  {
    name: 'Baghdad Today',
    kind: 'media',
    country: 'Iraq',
    weight: 4,
    url: 'https://baghdadtoday.news/{id}',
    scale: 'National',
  },
  {
    name: 'Security Media Cell',
    kind: 'official',
    country: 'Iraq',
    weight: 3,
    url: 'https://x.com/SecMedCell/status/{id}{id}',
    scale: 'National',
  },
  {
    name: 'Syrian Network for Human Rights',
    kind: 'monitor',
    country: 'Syria',
    weight: 2,
    url: 'https://snhr.org/blog/{y}/{m}/{d}/{id}/',
    scale: 'Other-National',
  },
  {
    name: 'Step News Agency',
    kind: 'media',
    country: 'Syria',
    weight: 3,
    url: 'https://stepagency-sy.net/{y}/{m}/{d}/{slug}/',
    scale: 'Subnational',
  },
  {
    name: 'Reuters',
    kind: 'media',
    country: null,
    weight: 3,
    url: 'https://www.reuters.com/world/middle-east/{slug}-{y}-{m}-{d}/',
    scale: 'International',
  },
  {
    name: 'AFP',
    kind: 'media',
    country: null,
    weight: 2,
    url: 'https://www.france24.com/en/middle-east/{y}{m}{d}-{slug}',
    scale: 'International',
  },
  {
    name: 'Al-Monitor',
    kind: 'media',
    country: null,
    weight: 1,
    url: 'https://www.al-monitor.com/originals/{y}/{m}/{slug}',
    scale: 'International',
  },
  {
    name: 'Asharq Al-Awsat',
    kind: 'media',
    country: null,
    weight: 1,
    url: 'https://english.aawsat.com/node/{id}',
    scale: 'Regional',
  },
  {
    name: 'Xinhua',
    kind: 'media',
    country: null,
    weight: 1,
    url: 'https://english.news.cn/{y}{m}{d}/{id}/c.html',
    scale: 'International',
  },
  {
    name: 'Local activists (Facebook)',
    kind: 'social',
    country: null,
    weight: 2,
    url: null,
    scale: 'Local partner-Other',
  },
  { name: 'Local source', kind: 'other', country: null, weight: 1, url: null, scale: 'Local partner-Other' },
];

/** Background sentences added to reach a summary's length. */
export const CONTEXT = [
  'The area has seen repeated incidents of this kind in recent months.',
  'Local sources said the situation remained tense and several families left for nearby villages.',
  'Neither side commented publicly on the incident by the end of the day.',
  'The road between the two towns was closed for several hours afterwards.',
  'A medical source at the local hospital confirmed receiving the casualties.',
  'The incident came days after a similar attack in a neighbouring district.',
  'Residents said electricity and telephone lines were cut in parts of the area.',
  'Security forces later deployed additional checkpoints on the main roads.',
];
