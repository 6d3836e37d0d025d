/**
 * Real towns of Iraq and Syria that incidents cluster around: name, first- and second-level
 * administrative unit (ACLED's admin1 / admin2 spelling where it differs from common English), country,
 * coordinates (WGS84) and a weight for how often incidents happen there (hot spots of 2017–2023 weigh more).
 */

export interface Town {
  readonly name: string;
  readonly admin1: string;
  readonly admin2: string;
  readonly country: 'Iraq' | 'Syria';
  readonly lat: number;
  readonly lon: number;
  readonly weight: number;
}

type Row = readonly [name: string, admin1: string, admin2: string, lat: number, lon: number, weight: number];

const IRAQ: readonly Row[] = [
  ['Baghdad', 'Baghdad', 'Resafa', 33.3152, 44.3661, 10],
  ['Sadr City', 'Baghdad', 'Thawra', 33.395, 44.455, 4],
  ['Abu Ghraib', 'Baghdad', 'Abu Ghraib', 33.2923, 44.064, 3],
  ['Taji', 'Baghdad', 'Kadhimiya', 33.5294, 44.2775, 3],
  ['Mahmudiyah', 'Baghdad', 'Mahmoudiya', 33.0617, 44.365, 2],
  ['Tarmiyah', 'Baghdad', 'Tarmia', 33.6686, 44.3956, 3],
  ['Mosul', 'Ninewa', 'Mosul', 36.34, 43.13, 8],
  ['Tal Afar', 'Ninewa', 'Tel Afar', 36.3792, 42.4497, 3],
  ['Sinjar', 'Ninewa', 'Sinjar', 36.3209, 41.8764, 3],
  ['Qayyarah', 'Ninewa', 'Mosul', 35.8, 43.29, 2],
  ['Bakhdida', 'Ninewa', 'Al-Hamdaniya', 36.2712, 43.3784, 1],
  ['Kirkuk', 'Kirkuk', 'Kirkuk', 35.4681, 44.3922, 6],
  ['Hawija', 'Kirkuk', 'Hawiga', 35.3214, 43.76, 3],
  ['Daquq', 'Kirkuk', 'Daquq', 35.14, 44.45, 2],
  ['Tikrit', 'Salah al-Din', 'Tikrit', 34.607, 43.6782, 3],
  ['Samarra', 'Salah al-Din', 'Samarra', 34.1959, 43.8857, 3],
  ['Baiji', 'Salah al-Din', 'Beygee', 34.9311, 43.487, 2],
  ['Balad', 'Salah al-Din', 'Balad', 34.0164, 44.1453, 2],
  ['Tuz Khurmatu', 'Salah al-Din', 'Tooz', 34.8886, 44.6326, 2],
  ['Ramadi', 'Anbar', 'Ramadi', 33.4258, 43.2992, 4],
  ['Fallujah', 'Anbar', 'Falluja', 33.35, 43.7833, 3],
  ['Haditha', 'Anbar', 'Haditha', 34.1397, 42.3781, 2],
  ['Hit', 'Anbar', 'Heet', 33.6417, 42.8251, 2],
  ["Al-Qa'im", 'Anbar', 'Al-Kaim', 34.3689, 41.0944, 3],
  ['Rutba', 'Anbar', 'Al-Rutba', 33.0381, 40.2848, 2],
  ['Anah', 'Anbar', 'Ana', 34.4722, 41.9872, 1],
  ['Baqubah', 'Diyala', 'Baquba', 33.75, 44.6333, 4],
  ['Muqdadiyah', 'Diyala', 'Al-Muqdadiya', 33.9786, 44.9369, 3],
  ['Khanaqin', 'Diyala', 'Khanaqin', 34.35, 45.3833, 2],
  ['Khalis', 'Diyala', 'Al-Khalis', 33.8081, 44.5336, 2],
  ['Jalawla', 'Diyala', 'Khanaqin', 34.2722, 45.1667, 2],
  ['Erbil', 'Erbil', 'Erbil', 36.1911, 44.0092, 4],
  ['Makhmur', 'Erbil', 'Makhmur', 35.775, 43.58, 2],
  ['Sidakan', 'Erbil', 'Soran', 36.7981, 44.6722, 3],
  ['Sulaymaniyah', 'Sulaymaniyah', 'Sulaymaniya', 35.5613, 45.4306, 3],
  ['Penjwen', 'Sulaymaniyah', 'Penjwin', 35.6236, 45.9406, 1],
  ['Duhok', 'Duhok', 'Duhok', 36.8669, 42.9503, 2],
  ['Zakho', 'Duhok', 'Zakho', 37.1436, 42.6819, 3],
  ['Amedi', 'Duhok', 'Amedi', 37.0925, 43.4875, 3],
  ['Basra', 'Basrah', 'Basrah', 30.5085, 47.7804, 5],
  ['Zubair', 'Basrah', 'Al-Zubair', 30.3892, 47.7081, 2],
  ['Umm Qasr', 'Basrah', 'Al-Zubair', 30.0362, 47.9195, 1],
  ['Nasiriyah', 'Thi-Qar', 'Nassriya', 31.0439, 46.2575, 4],
  ['Shatrah', 'Thi-Qar', 'Al-Shatra', 31.4106, 46.1717, 1],
  ['Amarah', 'Missan', 'Amara', 31.8356, 47.1447, 2],
  ['Kut', 'Wassit', 'Kut', 32.5128, 45.8181, 2],
  ['Diwaniyah', 'Qadissiya', 'Diwaniya', 31.9929, 44.925, 2],
  ['Hillah', 'Babil', 'Hilla', 32.4637, 44.4199, 2],
  ['Jurf al-Sakhar', 'Babil', 'Musayab', 32.8839, 44.1372, 1],
  ['Karbala', 'Kerbala', 'Kerbala', 32.616, 44.0249, 2],
  ['Najaf', 'Najaf', 'Najaf', 32.0259, 44.3462, 2],
  ['Kufa', 'Najaf', 'Kufa', 32.034, 44.401, 1],
  ['Samawah', 'Muthanna', 'Samawa', 31.3099, 45.2803, 1],
];

const SYRIA: readonly Row[] = [
  ['Damascus', 'Damascus', 'Damascus', 33.5138, 36.2765, 5],
  ['Douma', 'Rural Damascus', 'Duma', 33.5722, 36.4025, 3],
  ['Jaramana', 'Rural Damascus', 'Markaz Rif Dimashq', 33.4861, 36.3461, 2],
  ['Darayya', 'Rural Damascus', 'Darayya', 33.4583, 36.235, 2],
  ['Zabadani', 'Rural Damascus', 'Az-Zabdani', 33.725, 36.1, 1],
  ['Aleppo', 'Aleppo', 'Jebel Saman', 36.2021, 37.1343, 9],
  ['Al-Bab', 'Aleppo', 'Al Bab', 36.3708, 37.5157, 5],
  ['Manbij', 'Aleppo', 'Menbij', 36.5281, 37.9549, 5],
  ['Afrin', 'Aleppo', 'Afrin', 36.5117, 36.8697, 6],
  ['Azaz', 'Aleppo', "A'zaz", 36.5863, 37.0463, 4],
  ['Jarablus', 'Aleppo', 'Jarablus', 36.8175, 38.0114, 3],
  ['Ain al-Arab', 'Aleppo', 'Ain Al Arab', 36.8908, 38.3533, 3],
  ['Idlib', 'Idleb', 'Idleb', 35.9306, 36.6339, 9],
  ["Ma'arrat al-Nu'man", 'Idleb', "Ma'arrat An Nu'man", 35.6475, 36.6744, 6],
  ['Saraqib', 'Idleb', 'Idleb', 35.8644, 36.8058, 5],
  ['Jisr al-Shughur', 'Idleb', 'Jisr-Ash-Shugur', 35.8111, 36.3189, 5],
  ['Ariha', 'Idleb', 'Ariha', 35.8133, 36.6097, 5],
  ['Sarmada', 'Idleb', 'Harim', 36.1789, 36.7225, 3],
  ['Harim', 'Idleb', 'Harim', 36.2075, 36.5197, 2],
  ['Hama', 'Hama', 'Hama', 35.1318, 36.7578, 4],
  ['Salamiyah', 'Hama', 'As-Salamiyeh', 35.0113, 37.0532, 2],
  ['Suqaylabiyah', 'Hama', 'As-Suqaylabiyah', 35.3686, 36.3889, 3],
  ['Homs', 'Homs', 'Homs', 34.7324, 36.7137, 4],
  ['Palmyra', 'Homs', 'Tadmor', 34.56, 38.28, 4],
  ['Al-Qusayr', 'Homs', 'Al Qusayr', 34.5089, 36.5797, 1],
  ['Rastan', 'Homs', 'Ar-Rastan', 34.9264, 36.7325, 2],
  ['Al-Tanf', 'Homs', 'Tadmor', 33.5, 38.66, 1],
  ['Latakia', 'Lattakia', 'Lattakia', 35.5317, 35.7901, 2],
  ['Jableh', 'Lattakia', 'Jablah', 35.36, 35.925, 1],
  ['Kabani', 'Lattakia', 'Al-Haffa', 35.7461, 36.1433, 3],
  ['Tartus', 'Tartous', 'Tartous', 34.889, 35.8866, 1],
  ['Baniyas', 'Tartous', 'Banyas', 35.1825, 35.9486, 1],
  ['Daraa', "Dar'a", "Dar'a", 32.6189, 36.1021, 7],
  ['Nawa', "Dar'a", "Izra'", 32.8883, 36.0431, 3],
  ['Busra al-Sham', "Dar'a", "Dar'a", 32.5178, 36.4811, 2],
  ['Tafas', "Dar'a", "Dar'a", 32.7372, 35.9914, 3],
  ['As-Suwayda', 'As-Sweida', 'As-Sweida', 32.7089, 36.5695, 3],
  ['Quneitra', 'Quneitra', 'Quneitra', 33.1256, 35.8244, 1],
  ['Raqqa', 'Ar-Raqqa', 'Ar-Raqqa', 35.9528, 39.0079, 5],
  ['Tabqa', 'Ar-Raqqa', 'Ath-Thawrah', 35.8356, 38.5481, 3],
  ['Tell Abyad', 'Ar-Raqqa', 'Tell Abiad', 36.6975, 38.9567, 4],
  ['Ain Issa', 'Ar-Raqqa', 'Tell Abiad', 36.3853, 38.8586, 4],
  ['Deir ez-Zor', 'Deir-ez-Zor', 'Deir-ez-Zor', 35.3359, 40.1408, 7],
  ['Al-Mayadin', 'Deir-ez-Zor', 'Al Mayadin', 35.0208, 40.4528, 5],
  ['Abu Kamal', 'Deir-ez-Zor', 'Abu Kamal', 34.453, 40.918, 5],
  ['Hajin', 'Deir-ez-Zor', 'Abu Kamal', 34.6939, 40.8339, 4],
  ['Al-Busayrah', 'Deir-ez-Zor', 'Deir-ez-Zor', 35.1547, 40.4236, 4],
  ['Hasakah', 'Al-Hasakeh', 'Al-Hasakeh', 36.5024, 40.7477, 4],
  ['Qamishli', 'Al-Hasakeh', 'Quamishli', 37.0522, 41.2231, 3],
  ['Ras al-Ain', 'Al-Hasakeh', 'Ras Al Ain', 36.8503, 40.0706, 4],
  ['Al-Hol', 'Al-Hasakeh', 'Al-Hasakeh', 36.3794, 41.1494, 3],
  ['Al-Shaddadi', 'Al-Hasakeh', 'Al-Hasakeh', 36.0556, 40.73, 2],
];

const town =
  (country: Town['country']) =>
  ([name, admin1, admin2, lat, lon, weight]: Row): Town => ({
    name,
    admin1,
    admin2,
    country,
    lat,
    lon,
    weight,
  });

export const TOWNS: readonly Town[] = [...IRAQ.map(town('Iraq')), ...SYRIA.map(town('Syria'))];

/** ISO 3166-1 numeric codes, as in ACLED's `iso` column. */
export const ISO_NUMERIC: Readonly<Record<string, number>> = { Iraq: 368, Syria: 760, 'Saudi Arabia': 682 };
/** ACLED's three-letter prefix of `event_id_cnty`. */
export const ID_PREFIX: Readonly<Record<string, string>> = {
  Iraq: 'IRQ',
  Syria: 'SYR',
  'Saudi Arabia': 'SAU',
};

/** Parts of village and neighbourhood names, for the named spots around each town. */
export const SPOT_PREFIXES = [
  'Tell',
  'Kafr',
  'Ain',
  'Deir',
  'Khirbet',
  'Jabal',
  'Wadi',
  'Qaryat',
  'Hay',
  'Tal',
  'Umm',
  'Abu',
  'Bir',
  'Arab',
  'Shaykh',
] as const;
export const SPOT_ROOTS = [
  'al-Hamra',
  'al-Jadida',
  'al-Sharqi',
  'al-Gharbi',
  'al-Kabir',
  'al-Saghir',
  'Hassan',
  'al-Nasr',
  'al-Salam',
  'al-Zahra',
  'Rumman',
  'al-Zeitoun',
  'Hamad',
  'al-Qasr',
  'Sultan',
  'al-Nour',
  'al-Askari',
  'al-Sinaa',
  'Jumaa',
  'al-Baida',
  'Khalil',
  'al-Rashid',
  'Shuhada',
  'al-Mahatta',
  'al-Furat',
  'Dijla',
  'al-Wadi',
  'Othman',
  'al-Karama',
  'al-Tahrir',
] as const;
