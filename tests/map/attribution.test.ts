import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributionDrawing, attributionLevel } from '../../src/domain/attribution';
import type { Actor, ActorRole, Attribution } from '../../src/domain/incident';
import { parseIncidents } from '../../src/domain/parse';

const actor = (role: ActorRole, attribution: Attribution): Actor => ({ name: 'A', role, attribution });

describe('attributionLevel', () => {
  it('is the firmest perpetrator attribution', () => {
    expect(
      attributionLevel({ actors: [actor('perpetrator', 'suspected'), actor('perpetrator', 'claimed')] }),
    ).toBe('claimed');
    expect(
      attributionLevel({ actors: [actor('perpetrator', 'disputed'), actor('perpetrator', 'suspected')] }),
    ).toBe('suspected');
    expect(
      attributionLevel({ actors: [actor('perpetrator', 'unknown'), actor('perpetrator', 'disputed')] }),
    ).toBe('disputed');
  });

  it('ignores targets and parties, and is unknown with no perpetrator', () => {
    expect(attributionLevel({ actors: [actor('target', 'confirmed'), actor('party', 'claimed')] })).toBe(
      'unknown',
    );
    expect(attributionLevel({ actors: [] })).toBe('unknown');
  });

  it('draws confirmed and claimed solid, suspected dashed, disputed hatched, unknown grey', () => {
    const drawn = (a: Attribution) => attributionDrawing({ actors: [actor('perpetrator', a)] });
    expect(
      ['confirmed', 'claimed', 'suspected', 'disputed', 'unknown'].map((a) => drawn(a as Attribution)),
    ).toEqual(['solid', 'solid', 'dashed', 'hatched', 'grey']);
  });

  it('gives each bundled incident the level its sources support', () => {
    const { incidents } = parseIncidents(
      JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'geodata', 'incidents.geojson'), 'utf8')),
    );
    const levels = Object.fromEntries(incidents.map((i) => [i.id, attributionLevel(i)]));
    // Taji: claimed by the League of Revolutionaries, Kataib Hezbollah only suspected.
    expect(levels['taji-rocket-attack-2020-03-11']).toBe('claimed');
    expect(levels['us-strikes-kataib-hezbollah-2019-12-29']).toBe('confirmed');
    expect(levels['baghdad-airport-strike-2020-01-03']).toBe('confirmed');
  });
});
