/**
 * The incident model: what every part of the app downstream of validation reads.
 * Raw GeoJSON properties never leave `parse.ts`; everything else works with these types.
 */
import type { Count } from './counts';
import type { IncidentDate } from './date';

/** A feature id, checked to be a non-empty string and unique within its dataset. */
export type IncidentId = string & { readonly __brand: 'IncidentId' };

/** How exact the date is. `week` = the ISO week containing the date; `month` = its calendar month. */
export const DATE_PRECISIONS = ['time', 'day', 'week', 'month'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const ACTOR_ROLES = ['perpetrator', 'target', 'party'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** How sure the sources are that this actor had this role, strongest first. */
export const ATTRIBUTIONS = ['confirmed', 'claimed', 'suspected', 'disputed', 'unknown'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

/** ACLED geo_precision 1/2/3 maps onto exact/near/region. */
export const LOCATION_PRECISIONS = ['exact', 'near', 'region'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

export const SOURCE_KINDS = ['official', 'media', 'monitor', 'social', 'reference', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const RELATIONS = [
  'prompted',
  'promptedBy',
  'ledTo',
  'resultedFrom',
  'followedBy',
  'follows',
  'notRelatedTo',
  'context',
] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * ACLED event types and the sub-event types that belong to each (ACLED codebook).
 * A sub-event type is only valid under its own event type.
 */
export const ACLED_EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const satisfies Record<string, readonly string[]>;
export type EventType = keyof typeof ACLED_EVENT_TYPES;
export const EVENT_TYPES = Object.keys(ACLED_EVENT_TYPES) as EventType[];

export interface Actor {
  /** Canonical entity name, one entity per entry ("Kataib Hezbollah"). */
  readonly name: string;
  readonly role: ActorRole;
  readonly attribution: Attribution;
}

export interface Place {
  readonly name: string;
  /** First-level administrative division (governorate, province), when known. */
  readonly admin1: string | null;
  readonly country: string;
}

export interface Source {
  readonly name: string;
  /** The URL exactly as given: untrusted. Use `safeHttpUrl` before making it a link. */
  readonly url: string | null;
  readonly kind: SourceKind;
  /** Publication date `YYYY-MM-DD`, when known. */
  readonly published: string | null;
}

export interface RelatedIncident {
  readonly id: IncidentId;
  readonly relation: Relation;
}

/** A labelled fact kept as text (`{ label: "Disorder type", value: "Political violence" }`). */
export interface Attribute {
  readonly label: string;
  readonly value: string;
}

/** One validated incident. All text fields are untrusted plain text. */
export interface Incident {
  readonly id: IncidentId;
  /** WGS84 longitude in degrees, -180..180 (GeoJSON order is [lon, lat]). */
  readonly lon: number;
  /** WGS84 latitude in degrees, -90..90. */
  readonly lat: number;
  readonly title: string;
  /** Plain text, never HTML. Empty when not given. */
  readonly summary: string;
  readonly date: IncidentDate;
  readonly eventType: EventType | null;
  readonly subEventType: string | null;
  readonly actors: readonly Actor[];
  /** People killed: every report as given. Read one number through `pickCount` (counts.ts). */
  readonly fatalities: Count;
  /** People injured: every report as given. Read one number through `pickCount` (counts.ts). */
  readonly injured: Count;
  readonly place: Place | null;
  readonly locationPrecision: LocationPrecision;
  readonly sources: readonly Source[];
  readonly related: readonly RelatedIncident[];
  /**
   * Facts the model has no field for, shown as text in the order given: ACLED's disorder type, tags and
   * civilian targeting, UCDP's `where_coordinates`, a CSV's extra columns. Untrusted plain text.
   */
  readonly attributes: readonly Attribute[];
}
