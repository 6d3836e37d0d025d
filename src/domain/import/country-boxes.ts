/**
 * Rough bounding boxes of the countries conflict data most often covers, to catch swapped or misplaced
 * coordinates. Degrees, `[west, south, east, north]` (lon, lat order as in GeoJSON), generous by ~0.5°.
 * A box is a coarse test: a point inside may still be in a neighbour, never the other way round.
 */
type Box = readonly [west: number, south: number, east: number, north: number];

const BOXES: Readonly<Record<string, Box>> = {
  afghanistan: [60, 29, 75.5, 39],
  'burkina faso': [-6, 9, 2.5, 15.5],
  cameroon: [8, 1.5, 16.5, 13.5],
  'central african republic': [14, 2, 28, 11.5],
  colombia: [-80, -4.5, -66.5, 13.5],
  'democratic republic of congo': [12, -14, 31.5, 5.5],
  egypt: [24.5, 21.5, 37.5, 32],
  ethiopia: [32.5, 3, 48.5, 15.5],
  india: [68, 6.5, 97.5, 36],
  iran: [44, 25, 63.5, 40],
  iraq: [38.5, 29, 49, 37.5],
  israel: [34, 29.3, 36, 33.5],
  kenya: [33.5, -5, 42, 5],
  lebanon: [35, 33, 36.7, 34.8],
  libya: [9, 19.5, 25.5, 33.5],
  mali: [-12.5, 10, 4.5, 25.5],
  mexico: [-118.5, 14.5, -86.5, 33],
  mozambique: [30, -27, 41, -10.3],
  myanmar: [92, 9.5, 101.5, 28.5],
  niger: [0, 11.5, 16, 23.5],
  nigeria: [2.5, 4, 15, 14],
  pakistan: [60.5, 23.5, 77.5, 37.5],
  palestine: [34, 31, 35.7, 32.6],
  russia: [19, 41, 180, 82],
  'saudi arabia': [34.5, 16, 56, 32.5],
  somalia: [40.5, -2, 51.5, 12],
  'south sudan': [24, 3.5, 36, 12.5],
  sudan: [21.5, 8.5, 39, 22.5],
  syria: [35.5, 32, 42.5, 37.5],
  turkey: [25.5, 35.5, 45, 42.5],
  ukraine: [22, 44, 40.5, 52.5],
  yemen: [42, 12, 54, 19.5],
};

// The boxes of the names met last: a file names few countries, each many times.
const met = new Map<string, Box | null>();
const MET_NAMES = 256; // names remembered before starting over

/** The box of a country by name (case-insensitive), or null when the table does not know it. */
export function countryBox(country: string): Box | null {
  let box = met.get(country);
  if (box === undefined) {
    const key = country.trim().toLowerCase();
    box = Object.hasOwn(BOXES, key) ? (BOXES[key] as Box) : null;
    if (met.size >= MET_NAMES) met.clear();
    met.set(country, box);
  }
  return box;
}

/** True when `[lon, lat]` lies inside `box`. */
export function inBox(box: Box, lon: number, lat: number): boolean {
  return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
}
